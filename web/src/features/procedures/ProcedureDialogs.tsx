import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureType } from '../../../../src/features/case-settings/case-settings.schemas.ts';
import { PROCEDURE_OUTCOMES, type ProcedureOutcome } from '../../../../src/features/procedures/procedures.codes.ts';
import type { Procedure } from '../../../../src/features/procedures/procedures.schemas.ts';
import { dayInRome } from '../../../../src/platform/time/rome.ts';
import { Loading } from '../../platform/components/Loading.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { DialogShell } from '../accesses/IntakeDialogs.tsx';
import { useAction } from '../accesses/use-action.ts';
import { caseSettingsApi } from '../case-settings/case-settings-api.ts';
import { proceduresApi } from './procedures-api.ts';

type Done = { onDone: (procedure: Procedure) => void; onCancel: () => void };

/** A request received that starts a procedure: its type (with legal days), subject and date. */
export function StartProcedureDialog({ caseId, onDone, onCancel }: Done & { caseId: string }) {
  const { t } = useTranslation(['procedures', 'common']);
  const [types, setTypes] = useState<ProcedureType[] | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [typeId, setTypeId] = useState('');
  const [subject, setSubject] = useState('');
  const [startedOn, setStartedOn] = useState(dayInRome());
  const { busy, failure, run } = useAction();
  useEffect(() => {
    void caseSettingsApi.procedureTypes().then((all) => { setTypes(all.filter((type) => type.isActive)); }, setLoadFailure);
  }, []);
  const submit = () => run(() => proceduresApi.start(caseId, { procedureTypeId: typeId, subject, startedOn }), onDone);
  return (
    <DialogShell id="procedure-start-dialog" title={t('start.title')} about={t('start.about')} busy={busy} failure={failure ?? loadFailure} submitLabel={t('start.submit')} onSubmit={submit} onCancel={onCancel}>
      {!types && !loadFailure ? <Loading /> : null}
      {types ? (
        <SelectField
          id="procedure-type"
          label={t('start.type')}
          required
          value={typeId}
          placeholder={t('common:form.choose')}
          options={types.map((type) => ({ value: type.id, label: t('start.typeOption', { name: type.name, days: type.legalDeadlineDays }) }))}
          onChange={setTypeId}
        />
      ) : null}
      <TextAreaField id="procedure-subject" label={t('start.subject')} required value={subject} onChange={setSubject} maxLength={500} />
      <TextField id="procedure-started-on" label={t('start.startedOn')} hint={t('start.startedOnHint')} type="date" required value={startedOn} onChange={setStartedOn} />
    </DialogShell>
  );
}

/** Corrects what was mistyped when the procedure started: its subject or the day the request arrived (the deadline follows). */
export function EditProcedureDialog({ caseId, procedure, onDone, onCancel }: Done & { caseId: string; procedure: Procedure }) {
  const { t } = useTranslation('procedures');
  const [subject, setSubject] = useState(procedure.subject);
  const [startedOn, setStartedOn] = useState(procedure.startedOn);
  const { busy, failure, run } = useAction();
  const submit = () => run(() => proceduresApi.update(caseId, procedure.id, { subject, startedOn, version: procedure.version }), onDone);
  return (
    <DialogShell id="procedure-edit-dialog" title={t('edit.title')} about={t('edit.about')} busy={busy} failure={failure} submitLabel={t('edit.submit')} onSubmit={submit} onCancel={onCancel}>
      <TextAreaField id="procedure-edit-subject" label={t('start.subject')} required value={subject} onChange={setSubject} maxLength={500} />
      <TextField id="procedure-edit-started-on" label={t('start.startedOn')} hint={t('start.startedOnHint')} type="date" required value={startedOn} onChange={setStartedOn} />
    </DialogShell>
  );
}

/** A suspension of the term: its reason, start and (if already known) the day the term resumed. */
export function SuspendDialog({ caseId, procedure, onDone, onCancel }: Done & { caseId: string; procedure: Procedure }) {
  const { t } = useTranslation('procedures');
  const [reason, setReason] = useState('');
  const [startsOn, setStartsOn] = useState(dayInRome());
  const [endsOn, setEndsOn] = useState('');
  const { busy, failure, run } = useAction();
  const submit = () => run(() => proceduresApi.suspend(caseId, procedure.id, { reason, startsOn, endsOn: endsOn || null, version: procedure.version }), onDone);
  return (
    <DialogShell id="procedure-suspend-dialog" title={t('suspend.title')} about={t('suspend.about', { subject: procedure.subject })} busy={busy} failure={failure} submitLabel={t('suspend.submit')} onSubmit={submit} onCancel={onCancel}>
      <TextAreaField id="suspension-reason" label={t('suspend.reason')} required value={reason} onChange={setReason} maxLength={500} />
      <TextField id="suspension-starts-on" label={t('suspend.startsOn')} type="date" required value={startsOn} onChange={setStartsOn} />
      <TextField id="suspension-ends-on" label={t('suspend.endsOn')} hint={t('suspend.endsOnHint')} type="date" value={endsOn} onChange={setEndsOn} />
    </DialogShell>
  );
}

/** Ends the open suspension: the term resumes on the day given. */
export function ResumeDialog({ caseId, procedure, onDone, onCancel }: Done & { caseId: string; procedure: Procedure }) {
  const { t } = useTranslation('procedures');
  const open = procedure.suspensions.find((s) => s.endsOn === null);
  const [endsOn, setEndsOn] = useState(dayInRome());
  const { busy, failure, run } = useAction();
  const submit = () => run(() => proceduresApi.resume(caseId, procedure.id, open?.id ?? '', { endsOn, version: procedure.version }), onDone);
  return (
    <DialogShell id="procedure-resume-dialog" title={t('resume.title')} about={t('resume.about', { reason: open?.reason ?? '' })} busy={busy} failure={failure} submitLabel={t('resume.submit')} onSubmit={submit} onCancel={onCancel}>
      <TextField id="suspension-end" label={t('resume.endsOn')} type="date" required value={endsOn} onChange={setEndsOn} />
    </DialogShell>
  );
}

/** The final decision, which closes the procedure. */
export function DecisionDialog({ caseId, procedure, onDone, onCancel }: Done & { caseId: string; procedure: Procedure }) {
  const { t } = useTranslation(['procedures', 'common']);
  const [outcome, setOutcome] = useState<ProcedureOutcome | ''>('');
  const [decidedOn, setDecidedOn] = useState(dayInRome());
  const [note, setNote] = useState('');
  const { busy, failure, run } = useAction();
  const submit = () => run(() => proceduresApi.decide(caseId, procedure.id, { outcome: outcome as ProcedureOutcome, decidedOn, note: note || null, version: procedure.version }), onDone);
  return (
    <DialogShell id="procedure-decision-dialog" title={t('decision.title')} about={t('decision.about', { subject: procedure.subject })} busy={busy} failure={failure} submitLabel={t('decision.submit')} onSubmit={submit} onCancel={onCancel}>
      <SelectField id="decision-outcome" label={t('decision.outcome')} required value={outcome} placeholder={t('common:form.choose')} options={PROCEDURE_OUTCOMES.map((value) => ({ value, label: t(`outcome.${value}`) }))} onChange={(value) => { setOutcome(value as ProcedureOutcome); }} />
      <TextField id="decision-date" label={t('decision.decidedOn')} type="date" required value={decidedOn} onChange={setDecidedOn} />
      <TextAreaField id="decision-note" label={t('decision.note')} value={note} onChange={setNote} maxLength={2000} />
    </DialogShell>
  );
}
