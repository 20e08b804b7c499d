import { Button } from 'design-react-kit';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BREAK_GLASS_MINUTES } from '../../../../src/features/cases/cases.codes.ts';
import type { CaseDetail } from '../../../../src/features/cases/cases.schemas.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { useAction } from '../accesses/use-action.ts';
import { casesApi } from './cases-api.ts';

/** "Break the glass": a stated reason opens the case for a limited time; the manager is shown the event. */
export function BreakGlassForm({ caseId, onOpened }: { caseId: string; onOpened: (detail: CaseDetail) => void }) {
  const { t } = useTranslation('cases');
  const [reason, setReason] = useState('');
  const { busy, failure, run } = useAction();
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(() => casesApi.breakGlass(caseId, reason), onOpened);
  };
  return (
    <section aria-labelledby="glass-title" className="border border-danger rounded p-3 mt-4" data-testid="break-glass">
      <h2 id="glass-title" className="h5">{t('glass.title')}</h2>
      <p>{t('glass.about', { minutes: BREAK_GLASS_MINUTES })}</p>
      <form onSubmit={submit} noValidate>
        <ErrorAlert error={failure} testId="break-glass-error" />
        <TextAreaField id="glass-reason" label={t('glass.reason')} required value={reason} onChange={setReason} maxLength={2000} />
        <Button color="danger" type="submit" disabled={busy} testId="break-glass-submit">{t('glass.submit')}</Button>
      </form>
    </section>
  );
}
