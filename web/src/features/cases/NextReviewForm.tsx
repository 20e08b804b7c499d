import { Button } from 'design-react-kit';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../src/features/cases/cases.schemas.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { useAction } from '../accesses/use-action.ts';
import { casesApi } from './cases-api.ts';

/** Sets the next review date; a stale version gets the server's conflict message. */
export function NextReviewForm({ detail, onSaved }: { detail: CaseDetail; onSaved: (detail: CaseDetail) => void }) {
  const { t } = useTranslation('cases');
  const [date, setDate] = useState(detail.nextReviewOn ?? '');
  const { busy, failure, run } = useAction();
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(() => casesApi.update(detail.id, { nextReviewOn: date || null, version: detail.version }), onSaved);
  };
  return (
    <form onSubmit={submit} noValidate className="d-flex flex-wrap gap-2 align-items-end mb-4" data-testid="next-review-form">
      <ErrorAlert error={failure} testId="next-review-error" />
      <TextField id="case-next-review" label={t('detail.nextReview')} type="date" value={date} onChange={setDate} className="mb-0" />
      <Button color="secondary" outline type="submit" disabled={busy} testId="next-review-submit">{t('detail.saveReview')}</Button>
    </form>
  );
}
