import { Button } from 'design-react-kit';
import { useCallback, useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureType } from '../../../../src/features/case-settings/case-settings.schemas.ts';
import { fieldErrorsOf, type FieldErrors } from '../../platform/api/error-text.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { caseSettingsApi } from './case-settings-api.ts';

type Draft = { name: string; legalDeadlineDays: string; isActive: boolean };
const days = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

function ProcedureRow({ type, onSaved }: { type: ProcedureType; onSaved: () => void }) {
  const { t, i18n } = useTranslation(['caseSettings', 'common']);
  const [draft, setDraft] = useState<Draft>({ name: type.name, legalDeadlineDays: String(type.legalDeadlineDays), isActive: type.isActive });
  const [failure, setFailure] = useState<unknown>(null);
  const errors: FieldErrors = fieldErrorsOf(failure, i18n.language);
  const save = async () => {
    setFailure(null);
    try {
      await caseSettingsApi.updateProcedureType(type.id, { name: draft.name, legalDeadlineDays: days(draft.legalDeadlineDays), isActive: draft.isActive });
      onSaved();
    } catch (error) {
      setFailure(error);
    }
  };
  const id = `procedure-${type.code}`;
  return (
    <tr data-testid="procedure-row">
      <th scope="row">{type.code}</th>
      <td><TextField id={`${id}-name`} label={t('procedures.name')} value={draft.name} onChange={(name) => { setDraft({ ...draft, name }); }} error={errors.name} className="mb-0" /></td>
      <td><TextField id={`${id}-days`} label={t('procedures.days')} type="number" inputMode="numeric" value={draft.legalDeadlineDays} onChange={(legalDeadlineDays) => { setDraft({ ...draft, legalDeadlineDays }); }} error={errors.legalDeadlineDays} className="mb-0" /></td>
      <td><CheckboxField id={`${id}-active`} label={t('procedures.active')} checked={draft.isActive} onChange={(isActive) => { setDraft({ ...draft, isActive }); }} /></td>
      <td>
        <Button color="primary" outline size="sm" onClick={() => void save()} aria-label={t('procedures.save', { name: type.name })} testId={`${id}-save`}>
          {t('common:actions.save')}
        </Button>
        <ErrorAlert error={errors.name || errors.legalDeadlineDays ? null : failure} />
      </td>
    </tr>
  );
}

/** Administrative procedure types and their legal deadline (30 days unless a rule says otherwise). */
export function ProcedureTypesSection() {
  const { t, i18n } = useTranslation(['caseSettings', 'common']);
  const [types, setTypes] = useState<ProcedureType[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [draft, setDraft] = useState({ code: '', name: '', legalDeadlineDays: '30' });
  const [formFailure, setFormFailure] = useState<unknown>(null);
  const errors = fieldErrorsOf(formFailure, i18n.language);

  const load = useCallback(() => {
    void caseSettingsApi.procedureTypes().then(setTypes, setFailure);
  }, []);
  useEffect(load, [load]);

  const add = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormFailure(null);
    try {
      await caseSettingsApi.createProcedureType({ code: draft.code.trim().toUpperCase(), name: draft.name, legalDeadlineDays: days(draft.legalDeadlineDays) });
      setDraft({ code: '', name: '', legalDeadlineDays: '30' });
      load();
    } catch (error) {
      setFormFailure(error);
    }
  };

  return (
    <section aria-labelledby="procedures-title" className="mb-5">
      <h2 id="procedures-title" className="h4">{t('procedures.title')}</h2>
      <p>{t('procedures.intro')}</p>
      <ErrorAlert error={failure} />
      {!types && !failure ? <Loading /> : null}
      {types ? (
        <DataTable caption={t('procedures.title')} captionHidden size="sm" testId="procedure-types">
          <thead>
            <tr>
              <th scope="col">{t('procedures.code')}</th>
              <th scope="col">{t('procedures.name')}</th>
              <th scope="col">{t('procedures.days')}</th>
              <th scope="col">{t('procedures.active')}</th>
              <th scope="col"><span className="visually-hidden">{t('common:actions.save')}</span></th>
            </tr>
          </thead>
          <tbody>
            {types.map((type) => <ProcedureRow key={`${type.id}:${type.name}:${String(type.legalDeadlineDays)}:${String(type.isActive)}`} type={type} onSaved={load} />)}
          </tbody>
        </DataTable>
      ) : null}
      <form onSubmit={(event) => void add(event)} noValidate className="row align-items-end" data-testid="new-procedure">
        <h3 className="h6 col-12">{t('procedures.new')}</h3>
        <div className="col-12 col-md-3">
          <TextField id="new-procedure-code" label={t('procedures.code')} hint={t('procedures.codeHint')} value={draft.code} onChange={(code) => { setDraft({ ...draft, code }); }} error={errors.code} required maxLength={30} />
        </div>
        <div className="col-12 col-md-5">
          <TextField id="new-procedure-name" label={t('procedures.name')} value={draft.name} onChange={(name) => { setDraft({ ...draft, name }); }} error={errors.name} required maxLength={120} />
        </div>
        <div className="col-12 col-md-2">
          <TextField id="new-procedure-days" label={t('procedures.days')} type="number" inputMode="numeric" value={draft.legalDeadlineDays} onChange={(legalDeadlineDays) => { setDraft({ ...draft, legalDeadlineDays }); }} error={errors.legalDeadlineDays} required />
        </div>
        <div className="col-12 col-md-2 mb-3">
          <Button color="primary" size="sm" type="submit" testId="new-procedure-submit">{t('procedures.add')}</Button>
        </div>
        <ErrorAlert error={formFailure} />
      </form>
    </section>
  );
}
