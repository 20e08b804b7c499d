import { Button } from 'design-react-kit';
import { useCallback, useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PETITION_OUTCOMES, PETITION_TRANSITIONS, type PetitionOutcome, type PetitionStatus } from '../../../../src/features/referrals/referrals.codes.ts';
import type { Petition } from '../../../../src/features/referrals/referrals.schemas.ts';
import { fieldErrorsOf } from '../../platform/api/error-text.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { ReadabilityMeter } from '../../platform/components/ReadabilityMeter.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { formatDate } from '../../platform/format.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { useAction } from '../accesses/use-action.ts';
import { ConflictAlert } from './ConflictAlert.tsx';
import { petitionConflict, petitionsApi } from './referrals-api.ts';
import { StatusChangeForm, StatusHistory } from './StatusChangeForm.tsx';

type Draft = Pick<Petition, 'courtName' | 'reasons' | 'acts' | 'personsToHear'> & { administratorName: string; administratorRelation: string };
const draftOf = (p: Petition): Draft => ({
  courtName: p.courtName, reasons: p.reasons, acts: p.acts, personsToHear: p.personsToHear, administratorName: p.administratorName ?? '', administratorRelation: p.administratorRelation ?? '',
});

/** A petition for a support administrator: the text drafted from the case (readability shown while writing), then filed and followed to the decree. */
export function PetitionPage() {
  const { id: caseId = '', petitionId = '' } = useParams();
  const { t, i18n } = useTranslation('referrals');
  const me = useMe();
  const [petition, setPetition] = useState<Petition | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [dismissed, setDismissed] = useState<unknown>(null);
  const [docket, setDocket] = useState('');
  const [hearingOn, setHearingOn] = useState('');
  const [outcome, setOutcome] = useState('');
  const [appointed, setAppointed] = useState('');
  const save = useAction();
  const move = useAction();
  usePageTitle(petition ? t('petition.title', { name: petition.beneficiary.fullName }) : t('petitions.title'));

  const show = useCallback((next: Petition) => { setPetition(next); setDraft(draftOf(next)); }, []);
  useEffect(() => {
    void petitionsApi.get(caseId, petitionId).then(show, setLoadFailure);
  }, [caseId, petitionId, show]);

  if (loadFailure) return <ErrorAlert error={loadFailure} />;
  if (!petition || !draft) return <Loading />;
  const writer = can(me, permissions.caseWrite);
  const editable = writer && petition.status === 'draft';
  const saveFailure = save.failure === dismissed ? null : save.failure;
  const moveFailure = move.failure === dismissed ? null : move.failure;
  const errors = fieldErrorsOf(saveFailure, i18n.language);
  const moveErrors = fieldErrorsOf(moveFailure, i18n.language);
  const conflict = petitionConflict(saveFailure) ?? petitionConflict(moveFailure);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => { setDraft({ ...draft, [key]: value }); };
  const setPerson = (index: number, key: 'name' | 'relation', value: string) => {
    set('personsToHear')(draft.personsToHear.map((p, i) => (i === index ? { ...p, [key]: value } : p)));
  };
  const statusLabel = (s: string) => t(`petitionStatus.${s as PetitionStatus}`);
  const b = petition.beneficiary;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice('');
    void save.run(
      () => petitionsApi.update(caseId, petition.id, { ...draft, administratorName: draft.administratorName || null, administratorRelation: draft.administratorRelation || null, version: petition.version }),
      (saved) => { show(saved); setNotice(t('saved')); },
    );
  };
  const changeStatus = ({ to, on, note }: { to: string; on: string; note: string }) => {
    setNotice('');
    void move.run(
      () => petitionsApi.status(caseId, petition.id, {
        to: to as PetitionStatus, on, note: note || null, docketNumber: docket || null, hearingOn: hearingOn || null,
        decisionOutcome: (outcome || null) as PetitionOutcome | null, appointedAdministrator: appointed || null, version: petition.version,
      }),
      (saved) => { show(saved); setNotice(t('status.done', { status: statusLabel(saved.status) })); },
    );
  };

  return (
    <>
      <p><Link to={`/cases/${encodeURIComponent(caseId)}`}>{t('back')}</Link></p>
      <h1 data-testid="petition-title">{t('petition.title', { name: b.fullName })}</h1>
      <div aria-live="polite" data-testid="petition-notice">{notice ? <p className="text-success">{notice}</p> : null}</div>
      <p>
        {t('petition.statusLine', { status: statusLabel(petition.status) })}
        {petition.docketNumber ? ` — ${t('petition.docketLine', { docket: petition.docketNumber, date: formatDate(petition.filedOn, i18n.language) })}` : ''}
        {petition.hearingOn ? ` — ${t('petition.hearingLine', { date: formatDate(petition.hearingOn, i18n.language) })}` : ''}
        {petition.decisionOutcome ? ` — ${t(`decision.${petition.decisionOutcome}`)}${petition.appointedAdministrator ? `: ${petition.appointedAdministrator}` : ''}` : ''}
      </p>
      <h2 className="h5">{t('petition.beneficiary')}</h2>
      <dl data-testid="petition-beneficiary">
        <dt>{t('petition.name')}</dt><dd>{b.fullName}</dd>
        <dt>{t('petition.born')}</dt><dd>{[b.birthPlace, formatDate(b.birthDate, i18n.language)].filter(Boolean).join(', ') || '—'}</dd>
        <dt>{t('petition.fiscalCode')}</dt><dd>{b.fiscalCode ?? '—'}</dd>
        <dt>{t('petition.residence')}</dt><dd>{b.residence ?? '—'}</dd>
      </dl>
      {conflict ? <ConflictAlert version={conflict.version} onReload={() => { show(conflict); setDismissed(saveFailure ?? moveFailure); }} /> : null}
      {editable ? (
        <form onSubmit={submit} noValidate data-testid="petition-form">
          <TextField id="petition-court" label={t('petition.court')} hint={t('petition.courtHint')} value={draft.courtName} onChange={set('courtName')} error={errors.courtName} required maxLength={200} />
          <TextAreaField id="petition-reasons" label={t('petition.reasons')} hint={t('petition.reasonsHint')} value={draft.reasons} onChange={set('reasons')} error={errors.reasons} rows={8} maxLength={20000} />
          <ReadabilityMeter id="petition-readability" text={draft.reasons} />
          <TextField id="petition-admin-name" label={t('petition.administratorName')} value={draft.administratorName} onChange={set('administratorName')} error={errors.administratorName} maxLength={200} />
          <TextField id="petition-admin-relation" label={t('petition.administratorRelation')} value={draft.administratorRelation} onChange={set('administratorRelation')} error={errors.administratorRelation} maxLength={200} />
          <TextAreaField id="petition-acts" label={t('petition.acts')} hint={t('petition.actsHint')} value={draft.acts} onChange={set('acts')} error={errors.acts} rows={4} maxLength={10000} />
          <fieldset className="mb-3" data-testid="petition-persons">
            <legend className="h6">{t('petition.personsToHear')}</legend>
            {draft.personsToHear.map((p, i) => (
              <div key={i} className="row align-items-end">
                <TextField className="col-md-5" id={`petition-person-${String(i)}-name`} label={t('petition.personName', { n: i + 1 })} value={p.name} onChange={(v) => { setPerson(i, 'name', v); }} error={errors[`personsToHear.${String(i)}.name`]} required maxLength={200} />
                <TextField className="col-md-5" id={`petition-person-${String(i)}-relation`} label={t('petition.personRelation', { n: i + 1 })} value={p.relation} onChange={(v) => { setPerson(i, 'relation', v); }} error={errors[`personsToHear.${String(i)}.relation`]} required maxLength={200} />
                <div className="col-md-2 mb-3">
                  <Button color="danger" outline size="sm" type="button" onClick={() => { set('personsToHear')(draft.personsToHear.filter((_, j) => j !== i)); }}>
                    {t('petition.removePerson')}<span className="visually-hidden"> {p.name}</span>
                  </Button>
                </div>
              </div>
            ))}
            <Button color="primary" outline size="sm" type="button" onClick={() => { set('personsToHear')([...draft.personsToHear, { name: '', relation: '' }]); }}>{t('petition.addPerson')}</Button>
          </fieldset>
          {conflict ? null : <ErrorAlert error={saveFailure} />}
          <Button color="primary" type="submit" disabled={save.busy} testId="petition-save">{t('save')}</Button>
        </form>
      ) : (
        <dl data-testid="petition-view">
          <dt>{t('petition.court')}</dt><dd>{petition.courtName}</dd>
          <dt>{t('petition.reasons')}</dt><dd style={{ whiteSpace: 'pre-wrap' }}>{petition.reasons || '—'}</dd>
          <dt>{t('petition.administratorName')}</dt><dd>{petition.administratorName ?? '—'}{petition.administratorRelation ? ` (${petition.administratorRelation})` : ''}</dd>
          <dt>{t('petition.acts')}</dt><dd style={{ whiteSpace: 'pre-wrap' }}>{petition.acts || '—'}</dd>
          <dt>{t('petition.personsToHear')}</dt><dd>{petition.personsToHear.map((p) => `${p.name} (${p.relation})`).join(', ') || '—'}</dd>
        </dl>
      )}
      <StatusHistory history={petition.history} statusLabel={statusLabel} />
      {writer ? (
        <StatusChangeForm
          key={petition.version}
          id="petition-status"
          allowed={PETITION_TRANSITIONS[petition.status]}
          statusLabel={statusLabel}
          busy={move.busy}
          failure={conflict ? null : moveFailure}
          errors={moveErrors}
          onSubmit={changeStatus}
          extra={(to) => (
            <>
              {to === 'filed' ? <TextField id="petition-docket" label={t('petition.docket')} value={docket} onChange={setDocket} error={moveErrors.docketNumber} required maxLength={100} /> : null}
              {to === 'hearing_scheduled' ? <TextField id="petition-hearing" label={t('petition.hearing')} type="date" value={hearingOn} onChange={setHearingOn} error={moveErrors.hearingOn} required /> : null}
              {to === 'decided' ? (
                <>
                  <SelectField id="petition-outcome" label={t('petition.outcome')} value={outcome} options={PETITION_OUTCOMES.map((o) => ({ value: o, label: t(`decision.${o}`) }))} placeholder={t('status.choose')} onChange={setOutcome} error={moveErrors.decisionOutcome} required />
                  {outcome === 'appointed' ? <TextField id="petition-appointed" label={t('petition.appointed')} value={appointed} onChange={setAppointed} error={moveErrors.appointedAdministrator} required maxLength={200} /> : null}
                </>
              ) : null}
            </>
          )}
        />
      ) : null}
      <p className="mt-3">
        <a className="btn btn-outline-primary" href={petitionsApi.pdfUrl(caseId, petition.id)} target="_blank" rel="noreferrer" data-testid="petition-pdf">
          {t('petition.pdf')} <span className="visually-hidden">{t('newWindow')}</span>
        </a>
      </p>
    </>
  );
}
