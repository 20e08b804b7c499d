import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSURE_REASONS, type CaseStatus, type ClosureReason } from '../../../../src/features/cases/cases.codes.ts';
import type { CaseDetail, EligibleOwner } from '../../../../src/features/cases/cases.schemas.ts';
import { Loading } from '../../platform/components/Loading.tsx';
import { RadioGroup } from '../../platform/components/RadioGroup.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { DialogShell } from '../accesses/IntakeDialogs.tsx';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { useAction } from '../accesses/use-action.ts';
import { casesApi } from './cases-api.ts';

type DialogProps = { detail: CaseDetail; onDone: (detail: CaseDetail) => void; onCancel: () => void };

/** A status change with its reason; closing also asks the closure reason and the outcome. */
export function StatusDialog({ detail, onDone, onCancel }: DialogProps) {
  const { t } = useTranslation(['cases', 'common']);
  const [to, setTo] = useState<CaseStatus>(detail.allowedTransitions[0] ?? 'open');
  const [reason, setReason] = useState('');
  const [closureReason, setClosureReason] = useState<ClosureReason>('goals_achieved');
  const [closureOutcome, setClosureOutcome] = useState('');
  const { busy, failure, run } = useAction();
  const closing = to === 'closed';
  const submit = () =>
    run(
      () => casesApi.changeStatus(detail.id, { to, reason, version: detail.version, ...(closing ? { closureReason, closureOutcome } : {}) }),
      onDone,
    );
  return (
    <DialogShell id="status-dialog" title={t('statusDialog.title')} about={t('statusDialog.about', { status: t(`status.${detail.status}`) })} busy={busy} failure={failure} submitLabel={t('statusDialog.submit')} onSubmit={submit} onCancel={onCancel}>
      <RadioGroup id="status-to" legend={t('statusDialog.to')} inline={false} value={to} options={detail.allowedTransitions.map((value) => ({ value, label: t(`status.${value}`) }))} onChange={(value) => { setTo(value as CaseStatus); }} />
      <TextAreaField id="status-reason" label={t('statusDialog.reason')} required value={reason} onChange={setReason} maxLength={2000} />
      {closing ? (
        <>
          <SelectField id="status-closure-reason" label={t('statusDialog.closureReason')} required value={closureReason} options={CLOSURE_REASONS.map((value) => ({ value, label: t(`closureReason.${value}`) }))} onChange={(value) => { setClosureReason(value as ClosureReason); }} />
          <TextAreaField id="status-closure-outcome" label={t('statusDialog.closureOutcome')} required value={closureOutcome} onChange={setClosureOutcome} maxLength={4000} />
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
