import { Button } from 'design-react-kit';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Access } from '../../../../src/features/accesses/accesses.schemas.ts';
import { INVOLVEMENTS, type Involvement } from '../../../../src/features/accesses/accesses.codes.ts';
import { fieldErrorsOf } from '../../platform/api/error-text.ts';
import type { ComboOption } from '../../platform/components/Combobox.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { PersonPicker } from '../registry/PersonPicker.tsx';
import { accessesApi } from './accesses-api.ts';
import { useAction } from './use-action.ts';

/** Links a registered person to an anonymous access; its intake item, if any, then shows the person. */
export function LinkPersonPanel({ access, onLinked, onCancel }: { access: Access; onLinked: (access: Access) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation(['accesses', 'common']);
  const [person, setPerson] = useState<ComboOption | null>(null);
  const [involvement, setInvolvement] = useState<Involvement>('beneficiary');
  const [missing, setMissing] = useState(false);
  const { busy, failure, run } = useAction();

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!person) {
      setMissing(true);
      return;
    }
    await run(() => accessesApi.link(access.id, { personId: person.value, involvement }), onLinked);
  };
  const serverError = fieldErrorsOf(failure, i18n.language).personId;

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="border rounded p-3 my-2" aria-labelledby={`link-title-${access.id}`} data-testid="link-person-form">
      <h3 id={`link-title-${access.id}`} className="h6">{t('link.title')}</h3>
      <ErrorAlert error={serverError ? null : failure} />
      <PersonPicker id={`link-person-${access.id}`} testId="link-person" label={t('link.person')} required selected={person} onSelect={(option) => { setPerson(option); setMissing(false); }} error={missing ? t('form.choosePerson') : serverError} />
      <SelectField id={`link-involvement-${access.id}`} testId="link-involvement" label={t('link.involvement')} value={involvement} options={INVOLVEMENTS.map((value) => ({ value, label: t(`involvement.${value}`) }))} onChange={(value) => { setInvolvement(value as Involvement); }} />
      <div className="d-flex gap-2">
        <Button color="primary" size="sm" type="submit" disabled={busy} testId="link-person-submit">{t('link.submit')}</Button>
        <Button color="secondary" outline size="sm" type="button" onClick={onCancel}>{t('common:actions.cancel')}</Button>
      </div>
    </form>
  );
}
