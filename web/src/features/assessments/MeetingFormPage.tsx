import { format } from 'date-fns';
import { Button } from 'design-react-kit';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { AssessmentSummary } from '../../../../src/features/assessments/assessments.schemas.ts';
import type { Meeting } from '../../../../src/features/assessments/meetings.schemas.ts';
import type { EligibleOwner } from '../../../../src/features/cases/cases.schemas.ts';
import { useFormSave } from '../../platform/api/use-form-save.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { casesApi } from '../cases/cases-api.ts';
import { assessmentsApi, meetingsApi } from './assessments-api.ts';
import { ParticipantsFieldset, FollowUpsFieldset, type FollowUpRow, type ParticipantRow } from './MeetingParts.tsx';
import { casePath, meetingPath } from './paths.ts';
import { clock } from '../../../../src/platform/time/clock.ts';

interface Form {
  date: string;
  time: string;
  place: string;
  question: string;
  decisions: string;
  assessmentId: string;
  participants: ParticipantRow[];
  followUps: FollowUpRow[];
}

const formOf = (m: Meeting | null): Form => ({
  date: m ? format(new Date(m.heldAt), 'yyyy-MM-dd') : format(clock.now(), 'yyyy-MM-dd'),
  time: m ? format(new Date(m.heldAt), 'HH:mm') : '10:00',
  place: m?.place ?? '',
  question: m?.question ?? '',
  decisions: m?.decisions ?? '',
  assessmentId: m?.assessmentId ?? '',
  participants: (m?.participants ?? []).map((p, key) => ({ ...p, key })),
  followUps: (m?.followUps ?? []).map((f, key) => ({ ...f, dueOn: f.dueOn ?? '', key })),
});

/** Records a UVM meeting or edits one (the previous version is kept; a stale edit gets the 412 message). */
export function MeetingFormPage() {
  const { id: caseId = '', meetingId } = useParams();
  const { t } = useTranslation('assessments');
  const navigate = useNavigate();
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [form, setForm] = useState<Form | null>(meetingId ? null : formOf(null));
  const [staff, setStaff] = useState<EligibleOwner[]>([]);
  const [versions, setVersions] = useState<AssessmentSummary[]>([]);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const { errors, failure, busy, save } = useFormSave();
  const nextKey = useRef(1000);
  const title = t(meetingId ? 'meetings.formTitleEdit' : 'meetings.formTitleNew');
  usePageTitle(title);

  useEffect(() => {
    void casesApi.owners(caseId).then(setStaff, setLoadFailure);
    void assessmentsApi.list(caseId).then(setVersions, setLoadFailure);
    if (meetingId) void meetingsApi.get(caseId, meetingId).then((m) => { setMeeting(m); setForm(formOf(m)); }, setLoadFailure);
  }, [caseId, meetingId]);

  if (loadFailure) return <ErrorAlert error={loadFailure} />;
  if (!form) return <Loading />;
  const set = (patch: Partial<Form>) => { setForm({ ...form, ...patch }); };
  const key = () => (nextKey.current += 1);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = {
      heldAt: new Date(`${form.date}T${form.time || '00:00'}`).toISOString(),
      place: form.place,
      question: form.question,
      decisions: form.decisions,
      assessmentId: form.assessmentId || null,
      participants: form.participants.map((p) =>
        p.kind === 'internal' ? { kind: p.kind, userId: p.userId, role: p.role, present: p.present } : { kind: p.kind, name: p.name, role: p.role, body: p.body, present: p.present },
      ),
      followUps: form.followUps.map((f) => ({ action: f.action, who: f.who, dueOn: f.dueOn || null, done: f.done })),
    };
    void save(async () => {
      const saved = meeting ? await meetingsApi.update(caseId, meeting.id, { ...body, version: meeting.version }) : await meetingsApi.create(caseId, body);
      void navigate(meetingPath(caseId, saved.id));
    });
  };

  return (
    <>
      <h1>{title}</h1>
      <p><Link to={casePath(caseId)}>{t('edit.back')}</Link></p>
      <form onSubmit={submit} noValidate data-testid="meeting-form">
        <ErrorAlert error={failure} testId="meeting-error" />
        <div className="row">
          <div className="col-md-4"><TextField id="meeting-date" type="date" label={t('meetings.heldOn')} required value={form.date} onChange={(date) => { set({ date }); }} error={errors.heldAt} /></div>
          <div className="col-md-3"><TextField id="meeting-time" type="time" label={t('meetings.heldTime')} value={form.time} onChange={(time) => { set({ time }); }} /></div>
          <div className="col-md-5"><TextField id="meeting-place" label={t('meetings.place')} required value={form.place} onChange={(place) => { set({ place }); }} error={errors.place} maxLength={200} /></div>
        </div>
        <ParticipantsFieldset
          rows={form.participants}
          staff={staff}
          errors={errors}
          onChange={(participants) => { set({ participants }); }}
          newKey={key}
        />
        <TextAreaField id="meeting-question" label={t('meetings.question')} required value={form.question} onChange={(question) => { set({ question }); }} error={errors.question} rows={3} maxLength={8000} />
        <TextAreaField id="meeting-decisions" label={t('meetings.decisions')} value={form.decisions} onChange={(decisions) => { set({ decisions }); }} error={errors.decisions} rows={4} maxLength={8000} />
        <SelectField
          id="meeting-assessment"
          label={t('meetings.assessment')}
          value={form.assessmentId}
          placeholder={t('meetings.noAssessment')}
          options={versions.map((v) => ({ value: v.id, label: `${t('section.version', { number: v.number })} (${t(`status.${v.status}`)})` }))}
          onChange={(assessmentId) => { set({ assessmentId }); }}
          error={errors.assessmentId}
        />
        <FollowUpsFieldset rows={form.followUps} errors={errors} onChange={(followUps) => { set({ followUps }); }} newKey={key} />
        <Button color="primary" type="submit" disabled={busy} testId="meeting-save">{t('meetings.save')}</Button>
      </form>
    </>
  );
}
