import { Button } from 'design-react-kit';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanOptions, PlanVersion } from '../../../../src/features/care-plans/care-plans.schemas.ts';
import { ApiError } from '../../platform/api/api-client.ts';
import { useFormSave } from '../../platform/api/use-form-save.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { ReadabilityMeter } from '../../platform/components/ReadabilityMeter.tsx';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { carePlansApi } from './care-plans-api.ts';
import { CommitmentsEditor, ObjectivesEditor, ReviewsEditor, TasksEditor } from './plan-editor-sections.tsx';
import { bodyOf, draftOf, liveTotals, localErrors, readableText, type PlanDraft } from './plan-draft.ts';
import { PlanTotalsTable } from './PlanTotalsTable.tsx';
import { SupportsEditor } from './SupportsEditor.tsx';

type Props = { plan: PlanVersion; onSaved: (plan: PlanVersion) => void };

/**
 * The draft of a version: every section edited in place, live totals (integer cents, the same module as
 * the server) and the readability of the Italian text. Saving sends the whole draft with the version
 * read: if someone saved meanwhile the server answers 412 and the page offers the current one.
 */
export function PlanEditor({ plan, onSaved }: Props) {
  const { t, i18n } = useTranslation('carePlans');
  const [draft, setDraft] = useState<PlanDraft>(() => draftOf(plan, i18n.language));
  const [options, setOptions] = useState<PlanOptions | null>(null);
  const [optionsFailure, setOptionsFailure] = useState<unknown>(null);
  const { errors, failure, busy, showErrors, save } = useFormSave();
  useEffect(() => {
    void carePlansApi.options(plan.caseId).then(setOptions, setOptionsFailure);
  }, [plan.caseId]);
  const set = (patch: Partial<PlanDraft>) => { setDraft((d) => ({ ...d, ...patch })); };
  const totals = liveTotals(draft);
  const stale = failure instanceof ApiError && failure.status === 412 ? (failure.body?.data as { current?: PlanVersion } | undefined)?.current : undefined;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local = localErrors(draft, { quantity: t('editor.badQuantity'), cost: t('editor.badCost'), provider: t('editor.chooseProvider') });
    if (Object.keys(local).length) { showErrors(local); return; }
    void save(async () => { onSaved(await carePlansApi.save(plan.caseId, plan.versionNumber, bodyOf(draft, plan.version))); });
  };

  if (optionsFailure) return <ErrorAlert error={optionsFailure} />;
  if (!options) return <Loading />;
  return (
    <form onSubmit={submit} noValidate data-testid="plan-editor">
      <ErrorAlert error={failure} testId="plan-save-error" />
      {stale ? (
        <p>
          <Button color="secondary" outline type="button" onClick={() => { onSaved(stale); }} testId="plan-load-current">{t('editor.loadCurrent')}</Button>
        </p>
      ) : null}
      {Object.keys(errors).length ? <p className="text-danger" role="alert" data-testid="plan-field-errors">{t('editor.fixFields')}</p> : null}
      <div className="row">
        <TextField id="plan-period-start" className="col-md-4" label={t('editor.periodStart')} type="date" required value={draft.periodStart} onChange={(periodStart) => { set({ periodStart }); }} error={errors.periodStart} />
        <TextField id="plan-period-end" className="col-md-4" label={t('editor.periodEnd')} type="date" required value={draft.periodEnd} onChange={(periodEnd) => { set({ periodEnd }); }} error={errors.periodEnd} />
      </div>
      <TextAreaField id="plan-summary" label={t('editor.summary')} hint={t('editor.summaryHint')} value={draft.summary} onChange={(summary) => { set({ summary }); }} maxLength={4000} />
      <ObjectivesEditor draft={draft} set={set} errors={errors} />
      <SupportsEditor draft={draft} set={set} errors={errors} options={options} monthly={totals.perSupport} />
      <section aria-labelledby="plan-totals-title" className="mb-4">
        <h2 id="plan-totals-title" className="h4">{t('totals.title')}</h2>
        <div aria-live="polite"><PlanTotalsTable id="plan-live-totals" totals={totals} /></div>
      </section>
      <CommitmentsEditor draft={draft} set={set} errors={errors} options={options} />
      <TasksEditor draft={draft} set={set} errors={errors} options={options} />
      <ReviewsEditor draft={draft} set={set} errors={errors} />
      <ReadabilityMeter id="plan-readability" text={readableText(draft)} />
      <Button color="primary" type="submit" disabled={busy} testId="plan-save">{t('editor.save')}</Button>
    </form>
  );
}
