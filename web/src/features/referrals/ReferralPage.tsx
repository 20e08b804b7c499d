import { Button } from 'design-react-kit';
import { useCallback, useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { CaseDocument } from '../../../../src/features/case-documents/case-documents.schemas.ts';
import { REFERRAL_OUTCOMES, REFERRAL_SERVICES, REFERRAL_TRANSITIONS, REFERRAL_URGENCIES, type ReferralOutcome, type ReferralService, type ReferralStatus, type ReferralUrgency } from '../../../../src/features/referrals/referrals.codes.ts';
import type { Referral } from '../../../../src/features/referrals/referrals.schemas.ts';
import { fieldErrorsOf } from '../../platform/api/error-text.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { RadioGroup } from '../../platform/components/RadioGroup.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { formatDate } from '../../platform/format.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { useAction } from '../accesses/use-action.ts';
import { caseDocumentsApi } from '../case-documents/case-documents-api.ts';
import { ConflictAlert } from './ConflictAlert.tsx';
import { referralConflict, referralPagePath, referralsApi } from './referrals-api.ts';
import { StatusChangeForm, StatusHistory } from './StatusChangeForm.tsx';

interface Draft {
  service: ReferralService | '';
  serviceName: string;
  contactName: string;
  reason: string;
  question: string;
  urgency: ReferralUrgency;
  documentIds: string[];
}
const EMPTY: Draft = { service: '', serviceName: '', contactName: '', reason: '', question: '', urgency: 'ordinary', documentIds: [] };
const draftOf = (r: Referral): Draft => ({
  service: r.service, serviceName: r.serviceName ?? '', contactName: r.contactName ?? '', reason: r.reason, question: r.question, urgency: r.urgency, documentIds: r.documents.map((d) => d.id),
});

/** A referral to a specialist service: written as a draft (with documents of the case), then sent and followed to its answer. */
export function ReferralPage() {
  const { id: caseId = '', referralId = 'new' } = useParams();
  const isNew = referralId === 'new';
  const { t, i18n } = useTranslation('referrals');
  const me = useMe();
  const navigate = useNavigate();
  const [referral, setReferral] = useState<Referral | null>(null);
  const [documents, setDocuments] = useState<CaseDocument[] | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const save = useAction();
  const move = useAction();
  const [dismissed, setDismissed] = useState<unknown>(null);
  const [answerText, setAnswerText] = useState('');
  const [answerOutcome, setAnswerOutcome] = useState('');
  const name = referral ? (referral.serviceName ?? t(`service.${referral.service}`)) : '';
  usePageTitle(isNew ? t('referral.newTitle') : t('referral.title', { name }));

  const show = useCallback((next: Referral) => { setReferral(next); setDraft(draftOf(next)); }, []);
  useEffect(() => {
    void caseDocumentsApi.list(caseId).then(setDocuments, setLoadFailure);
    if (!isNew) void referralsApi.get(caseId, referralId).then(show, setLoadFailure);
  }, [caseId, referralId, isNew, show]);

  if (loadFailure) return <ErrorAlert error={loadFailure} />;
  if ((!isNew && !referral) || !documents) return <Loading />;
  const editable = can(me, permissions.caseWrite) && (isNew || referral?.status === 'draft');
  const saveFailure = save.failure === dismissed ? null : save.failure;
  const moveFailure = move.failure === dismissed ? null : move.failure;
  const errors = fieldErrorsOf(saveFailure, i18n.language);
  const moveErrors = fieldErrorsOf(moveFailure, i18n.language);
  const conflict = referralConflict(saveFailure) ?? referralConflict(moveFailure);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => { setDraft((d) => ({ ...d, [key]: value })); };
  const statusLabel = (s: string) => t(`referralStatus.${s as ReferralStatus}`);
  const attachable = documents.filter((d) => !d.withdrawn || draft.documentIds.includes(d.id));

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice('');
    const body = { ...draft, service: draft.service as ReferralService, serviceName: draft.serviceName || null, contactName: draft.contactName || null };
    if (isNew) void save.run(() => referralsApi.create(caseId, body), (created) => { void navigate(referralPagePath(caseId, created.id), { replace: true }); });
    else if (referral) void save.run(() => referralsApi.update(caseId, referral.id, { ...body, version: referral.version }), (saved) => { show(saved); setNotice(t('saved')); });
  };
  const changeStatus = ({ to, on, note }: { to: string; on: string; note: string }) => {
    if (!referral) return;
    setNotice('');
    void move.run(
      () => referralsApi.status(caseId, referral.id, { to: to as ReferralStatus, on, note: note || null, answerText: answerText || null, answerOutcome: (answerOutcome || null) as ReferralOutcome | null, version: referral.version }),
      (saved) => { show(saved); setNotice(t('status.done', { status: statusLabel(saved.status) })); },
    );
  };

  return (
    <>
      <p><Link to={`/cases/${encodeURIComponent(caseId)}`}>{t('back')}</Link></p>
      <h1 data-testid="referral-title">{isNew ? t('referral.newTitle') : t('referral.title', { name })}</h1>
      <div aria-live="polite" data-testid="referral-notice">{notice ? <p className="text-success">{notice}</p> : null}</div>
      {referral ? <p>{t('referral.statusLine', { status: statusLabel(referral.status) })}{referral.sentOn ? ` — ${t('referral.sentOnLine', { date: formatDate(referral.sentOn, i18n.language) })}` : ''}</p> : null}
      {conflict ? <ConflictAlert version={conflict.version} onReload={() => { show(conflict); setDismissed(saveFailure ?? moveFailure); }} /> : null}
      {editable ? (
        <form onSubmit={submit} noValidate data-testid="referral-form">
          <SelectField id="referral-service" label={t('referral.service')} value={draft.service} options={REFERRAL_SERVICES.map((s) => ({ value: s, label: t(`service.${s}`) }))} placeholder={t('status.choose')} onChange={(v) => { set('service')(v as ReferralService); }} error={errors.service} required />
          {draft.service === 'other' ? <TextField id="referral-service-name" label={t('referral.serviceName')} value={draft.serviceName} onChange={set('serviceName')} error={errors.serviceName} required maxLength={200} /> : null}
          <TextField id="referral-contact" label={t('referral.contact')} hint={t('referral.contactHint')} value={draft.contactName} onChange={set('contactName')} error={errors.contactName} maxLength={200} />
          <TextAreaField id="referral-reason" label={t('referral.reason')} value={draft.reason} onChange={set('reason')} error={errors.reason} required rows={5} maxLength={10000} />
          <TextAreaField id="referral-question" label={t('referral.question')} value={draft.question} onChange={set('question')} error={errors.question} required rows={3} maxLength={5000} />
          <RadioGroup id="referral-urgency" legend={t('referral.urgency')} value={draft.urgency} options={REFERRAL_URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))} onChange={(v) => { set('urgency')(v as ReferralUrgency); }} error={errors.urgency} />
          <fieldset className="mb-3">
            <legend className="h6">{t('referral.documents')}</legend>
            {attachable.length === 0 ? <p className="small">{t('referral.noDocuments')}</p> : null}
            {attachable.map((d) => (
              <CheckboxField
                key={d.id}
                id={`referral-doc-${d.id}`}
                label={d.title}
                checked={draft.documentIds.includes(d.id)}
                onChange={(on) => { set('documentIds')(on ? [...draft.documentIds, d.id] : draft.documentIds.filter((x) => x !== d.id)); }}
              />
            ))}
            {errors.documentIds ? <p className="text-danger small">{errors.documentIds}</p> : null}
          </fieldset>
          {conflict ? null : <ErrorAlert error={saveFailure} />}
          <Button color="primary" type="submit" disabled={save.busy} testId="referral-save">{t('save')}</Button>
        </form>
      ) : referral ? (
        <dl data-testid="referral-view">
          <dt>{t('referral.contact')}</dt><dd>{referral.contactName ?? '—'}</dd>
          <dt>{t('referral.urgency')}</dt><dd>{t(`urgency.${referral.urgency}`)}</dd>
          <dt>{t('referral.reason')}</dt><dd style={{ whiteSpace: 'pre-wrap' }}>{referral.reason}</dd>
          <dt>{t('referral.question')}</dt><dd style={{ whiteSpace: 'pre-wrap' }}>{referral.question}</dd>
          <dt>{t('referral.documents')}</dt><dd>{referral.documents.map((d) => d.title).join(', ') || '—'}</dd>
        </dl>
      ) : null}
      {referral?.answer ? (
        <div className="border rounded p-3 mt-3" data-testid="referral-answer">
          <h2 className="h5">{t('answer.title')}</h2>
          <p>{formatDate(referral.answer.on, i18n.language)}{referral.answer.outcome ? ` — ${t(`outcome.${referral.answer.outcome}`)}` : ''}</p>
          {referral.answer.text ? <p style={{ whiteSpace: 'pre-wrap' }}>{referral.answer.text}</p> : null}
        </div>
      ) : null}
      {referral ? (
        <>
          <StatusHistory history={referral.history} statusLabel={statusLabel} />
          {can(me, permissions.caseWrite) ? (
            <StatusChangeForm
              key={referral.version}
              id="referral-status"
              allowed={REFERRAL_TRANSITIONS[referral.status]}
              statusLabel={statusLabel}
              busy={move.busy}
              failure={conflict ? null : moveFailure}
              errors={moveErrors}
              onSubmit={changeStatus}
              extra={(to) => (to === 'answered' || to === 'refused' ? (
                <>
                  {to === 'answered' ? <SelectField id="referral-outcome" label={t('answer.outcome')} value={answerOutcome} options={REFERRAL_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} placeholder={t('status.choose')} onChange={setAnswerOutcome} error={moveErrors.answerOutcome} required /> : null}
                  <TextAreaField id="referral-answer-text" label={t(to === 'answered' ? 'answer.text' : 'answer.refusal')} value={answerText} onChange={setAnswerText} error={moveErrors.answerText} required maxLength={10000} />
                </>
              ) : null)}
            />
          ) : null}
          <p className="mt-3">
            <a className="btn btn-outline-primary" href={referralsApi.pdfUrl(caseId, referral.id)} target="_blank" rel="noreferrer" data-testid="referral-pdf">
              {t('referral.pdf')} <span className="visually-hidden">{t('newWindow')}</span>
            </a>
          </p>
        </>
      ) : null}
    </>
  );
}
