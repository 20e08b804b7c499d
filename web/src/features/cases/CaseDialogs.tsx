import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClosureObjectives } from '../../../../src/features/care-plans/care-plans.schemas.ts';
import { CLOSURE_REASONS, OBJECTIVE_OUTCOMES, type CaseStatus, type ClosureReason, type ObjectiveOutcome } from '../../../../src/features/cases/cases.codes.ts';
import type { CaseDetail, EligibleOwner } from '../../../../src/features/cases/cases.schemas.ts';
import { fieldErrorsOf, type FieldErrors } from '../../platform/api/error-text.ts';
import { Loading } from '../../platform/components/Loading.tsx';
import { RadioGroup } from '../../platform/components/RadioGroup.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { DialogShell } from '../accesses/IntakeDialogs.tsx';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { useAction } from '../accesses/use-action.ts';
import { casesApi } from './cases-api.ts';

type DialogProps = { detail: CaseDetail; onDone: (detail: CaseDetail) => void; onCancel: () => void };

type ObjectiveAnswer = { outcome: ObjectiveOutcome | ''; note: string };

/** The outcome of each objective of the plan in force: a radio group and a note per objective. */
function ObjectiveOutcomesFields({ objectives, answers, errors, onChange }: { objectives: ClosureObjectives; answers: Record<string, ObjectiveAnswer>; errors: FieldErrors; onChange: (id: string, answer: ObjectiveAnswer) => void }) {
  const { t } = useTranslation('cases');
  if (objectives.planVersion === null) return <p data-testid="status-no-plan">{t('statusDialog.noPlan')}</p>;
  const problems = [errors.objectiveOutcomes, ...Object.entries(errors).filter(([path]) => path.startsWith('objectiveOutcomes.')).map(([, message]) => message)].filter(Boolean);
  return (
    <section aria-labelledby="status-objectives-title" data-testid="status-objectives">
      <h3 id="status-objectives-title" className="h5">{t('statusDialog.objectivesTitle', { version: objectives.planVersion })}</h3>
      {problems.length ? <p className="text-danger" data-testid="status-objectives-error">{problems.join(' ')}</p> : null}
      {objectives.objectives.map((objective, index) => {
        const answer = answers[objective.id] ?? { outcome: '', note: '' };
        const id = `status-objective-${String(index + 1)}`;
        return (
          <div key={objective.id} className="border rounded p-3 mb-3">
            <RadioGroup
              id={id}
              legend={t('statusDialog.objective', { n: index + 1, text: objective.description })}
              value={answer.outcome}
              options={OBJECTIVE_OUTCOMES.map((value) => ({ value, label: t(`objectiveOutcome.${value}`) }))}
              onChange={(value) => { onChange(objective.id, { ...answer, outcome: value as ObjectiveOutcome }); }}
            />
            {objective.results.length > 0 ? (
              <ul className="small text-muted">
                {objective.results.map((result) => <li key={result.description}>{t('statusDialog.result', { text: result.description, indicator: result.indicator })}</li>)}
              </ul>
            ) : null}
            <TextAreaField id={`${id}-note`} label={t('statusDialog.objectiveNote', { n: index + 1 })} value={answer.note} onChange={(note) => { onChange(objective.id, { ...answer, note }); }} maxLength={2000} rows={2} />
          </div>
        );
      })}
    </section>
  );
}

/** A status change with its reason; closing also asks the closure reason, the outcome and each objective's outcome. */
export function StatusDialog({ detail, onDone, onCancel }: DialogProps) {
  const { t, i18n } = useTranslation(['cases', 'common']);
  // No status is chosen beforehand: saving without choosing one must not change the case by accident.
  const [to, setTo] = useState<CaseStatus | ''>('');
  const [toMissing, setToMissing] = useState(false);
  const [reason, setReason] = useState('');
  const [closureReason, setClosureReason] = useState<ClosureReason>('goals_achieved');
  const [closureOutcome, setClosureOutcome] = useState('');
  const [objectives, setObjectives] = useState<ClosureObjectives | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [answers, setAnswers] = useState<Record<string, ObjectiveAnswer>>({});
  const { busy, failure, run } = useAction();
  const errors = fieldErrorsOf(failure, i18n.language);
  const closing = to === 'closed';
  useEffect(() => {
    if (closing && !objectives) void casesApi.closureObjectives(detail.id).then(setObjectives, setLoadFailure);
  }, [closing, objectives, detail.id]);
  // Only the outcomes chosen: the server names the objectives still without one.
  const objectiveOutcomes = (objectives?.objectives ?? []).flatMap((o) => {
    const answer = answers[o.id];
    return answer?.outcome ? [{ objectiveId: o.id, outcome: answer.outcome, note: answer.note.trim() || null }] : [];
  });
  const submit = async () => {
    setToMissing(to === '');
    if (to === '') return;
    await run(
      () => casesApi.changeStatus(detail.id, { to, reason, version: detail.version, ...(closing ? { closureReason, closureOutcome, objectiveOutcomes } : {}) }),
      onDone,
    );
  };
  return (
    <DialogShell id="status-dialog" title={t('statusDialog.title')} about={t('statusDialog.about', { status: t(`status.${detail.status}`) })} busy={busy} failure={failure ?? (closing ? loadFailure : null)} submitLabel={t('statusDialog.submit')} onSubmit={submit} onCancel={onCancel}>
      <RadioGroup id="status-to" legend={t('statusDialog.to')} inline={false} value={to} options={detail.allowedTransitions.map((value) => ({ value, label: t(`status.${value}`) }))} onChange={(value) => { setTo(value as CaseStatus); setToMissing(false); }} error={toMissing ? t('statusDialog.chooseStatus') : errors.to} />
      <TextAreaField id="status-reason" label={t('statusDialog.reason')} required value={reason} onChange={setReason} maxLength={2000} error={errors.reason} />
      {closing ? (
        <>
          <SelectField id="status-closure-reason" label={t('statusDialog.closureReason')} required value={closureReason} options={CLOSURE_REASONS.map((value) => ({ value, label: t(`closureReason.${value}`) }))} onChange={(value) => { setClosureReason(value as ClosureReason); }} />
          <TextAreaField id="status-closure-outcome" label={t('statusDialog.closureOutcome')} required value={closureOutcome} onChange={setClosureOutcome} maxLength={4000} error={errors.closureOutcome} />
          {objectives ? <ObjectiveOutcomesFields objectives={objectives} answers={answers} errors={errors} onChange={(id, answer) => { setAnswers((all) => ({ ...all, [id]: answer })); }} /> : loadFailure ? null : <Loading />}
        </>
      ) : null}
    </DialogShell>
  );
}

/** Hands the case to another social worker of its territory (and team), with a reason. */
export function TransferDialog({ detail, onDone, onCancel }: DialogProps) {
  const { t } = useTranslation(['cases', 'common']);
  const [owners, setOwners] = useState<EligibleOwner[] | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [ownerId, setOwnerId] = useState('');
  const [teamId, setTeamId] = useState(detail.team?.id ?? '');
  const [reason, setReason] = useState('');
  const { busy, failure, run } = useAction();
  useEffect(() => {
    void casesApi.owners(detail.id).then(setOwners, setLoadFailure);
  }, [detail.id]);
  const teams = [...new Map((owners ?? []).flatMap((o) => o.teams).map((team) => [team.id, team])).values()];
  const submit = () => run(() => casesApi.transfer(detail.id, { ownerId, teamId: teamId || null, reason, version: detail.version }), onDone);
  return (
    <DialogShell id="transfer-dialog" title={t('transferDialog.title')} about={t('transferDialog.about')} busy={busy} failure={failure ?? loadFailure} submitLabel={t('transferDialog.submit')} onSubmit={submit} onCancel={onCancel}>
      {!owners && !loadFailure ? <Loading /> : null}
      {owners ? (
        <>
          <SelectField id="transfer-owner" label={t('transferDialog.owner')} required value={ownerId} placeholder={t('common:form.choose')} options={owners.filter((o) => o.id !== detail.owner.id).map((o) => ({ value: o.id, label: o.displayName }))} onChange={setOwnerId} />
          <SelectField id="transfer-team" label={t('transferDialog.team')} value={teamId} placeholder={t('transferDialog.noTeam')} options={teams.map((team) => ({ value: team.id, label: team.name }))} onChange={setTeamId} />
        </>
      ) : null}
      <TextAreaField id="transfer-reason" label={t('transferDialog.reason')} required value={reason} onChange={setReason} maxLength={2000} />
    </DialogShell>
  );
}
