import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { SIGNATURE_METHODS, type PlanStatus, type SignatureMethod } from '../../../../src/features/care-plans/care-plans.codes.ts';
import type { PlanVersion } from '../../../../src/features/care-plans/care-plans.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { RadioGroup } from '../../platform/components/RadioGroup.tsx';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { formatDate, formatDateTime } from '../../platform/format.ts';
import { dayInRome } from '../../../../src/platform/time/rome.ts';
import { DialogShell } from '../accesses/IntakeDialogs.tsx';
import { useAction } from '../accesses/use-action.ts';
import { carePlansApi } from './care-plans-api.ts';

type Props = { plan: PlanVersion; onChanged: (plan: PlanVersion, message: string) => void };

/** The lifecycle of the version: the steps the server allows from here, the agreement record, a new version. */
export function PlanLifecycle({ plan, onChanged }: Props) {
  const { t, i18n } = useTranslation('carePlans');
  const me = useMe();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'agreed' | 'closed' | null>(null);
  const { busy, failure, run } = useAction();
  const move = (to: PlanStatus) => run(() => carePlansApi.transition(plan.caseId, plan.versionNumber, { to, version: plan.version }), (next) => { onChanged(next, t(`lifecycle.done.${to}`)); });
  const newVersion = () =>
    run(() => carePlansApi.newVersion(plan.caseId, plan.versionNumber, plan.version), (next) => {
      onChanged(next, t('lifecycle.newVersionDone', { n: next.versionNumber }));
      void navigate(`/cases/${encodeURIComponent(plan.caseId)}/plan/versions/${String(next.versionNumber)}`);
    });
  const writer = can(me, permissions.caseWrite);
  return (
    <section aria-labelledby="plan-lifecycle-title" className="mb-3">
      <h2 id="plan-lifecycle-title" className="visually-hidden">{t('lifecycle.title')}</h2>
      {plan.agreement ? (
        <p data-testid="plan-agreement">
          {t('lifecycle.agreedLine', {
            date: formatDate(plan.agreement.signedOn, i18n.language),
            name: plan.agreement.signedByName,
            method: t(`signature.${plan.agreement.method}`),
            by: plan.agreement.recordedBy.displayName,
            at: formatDateTime(plan.agreement.recordedAt, i18n.language),
          })}
          {plan.agreement.documentRef ? ` ${t('lifecycle.documentRef', { ref: plan.agreement.documentRef })}` : ''}
        </p>
      ) : null}
      {plan.closingNote ? <p>{plan.closingNote}</p> : null}
      {!plan.isEditable ? <p className="small text-muted" data-testid="plan-immutable">{t('lifecycle.immutable')}</p> : null}
      <ErrorAlert error={failure} testId="plan-lifecycle-error" />
      {writer ? (
        <div className="d-flex flex-wrap gap-2" data-testid="plan-actions">
          {plan.allowedTransitions.map((to) => (
            <Button
              key={to}
              color={to === 'closed' || to === 'draft' ? 'secondary' : 'primary'}
              outline={to === 'closed' || to === 'draft'}
              type="button"
              disabled={busy}
              testId={`plan-to-${to}`}
              onClick={() => { if (to === 'agreed' || to === 'closed') setDialog(to); else void move(to); }}
            >
              {t(`lifecycle.to.${plan.status === 'under_review' && to === 'active' ? 'confirm' : to}`)}
            </Button>
          ))}
          {plan.canStartNewVersion ? (
            <Button color="secondary" outline type="button" disabled={busy} onClick={() => { void newVersion(); }} testId="plan-new-version">{t('lifecycle.newVersion')}</Button>
          ) : null}
        </div>
      ) : null}
      {dialog === 'agreed' ? <AgreementDialog plan={plan} onDone={(next) => { setDialog(null); onChanged(next, t('lifecycle.done.agreed')); }} onCancel={() => { setDialog(null); }} /> : null}
      {dialog === 'closed' ? <CloseDialog plan={plan} onDone={(next) => { setDialog(null); onChanged(next, t('lifecycle.done.closed')); }} onCancel={() => { setDialog(null); }} /> : null}
    </section>
  );
}

type DialogProps = { plan: PlanVersion; onDone: (plan: PlanVersion) => void; onCancel: () => void };

/** Records the person's agreement: how they signed (paper scan, in person, online), when and who signed. */
function AgreementDialog({ plan, onDone, onCancel }: DialogProps) {
  const { t } = useTranslation('carePlans');
  const [method, setMethod] = useState<SignatureMethod>('in_person');
  const [signedOn, setSignedOn] = useState(dayInRome());
  const [signedByName, setSignedByName] = useState('');
  const [documentRef, setDocumentRef] = useState('');
  const [note, setNote] = useState('');
  const { busy, failure, run } = useAction();
  const submit = () =>
    run(
      () =>
        carePlansApi.transition(plan.caseId, plan.versionNumber, {
          to: 'agreed',
          version: plan.version,
          agreement: { method, signedOn, signedByName, documentRef: documentRef || null, note: note || null },
        }),
      onDone,
    );
  return (
    <DialogShell id="plan-agree-dialog" title={t('agreement.title')} about={t('agreement.about')} busy={busy} failure={failure} submitLabel={t('agreement.submit')} onSubmit={submit} onCancel={onCancel}>
      <RadioGroup id="plan-agree-method" legend={t('agreement.method')} inline={false} value={method} options={SIGNATURE_METHODS.map((value) => ({ value, label: t(`signature.${value}`) }))} onChange={(value) => { setMethod(value as SignatureMethod); }} />
      <TextField id="plan-agree-date" label={t('agreement.signedOn')} type="date" required value={signedOn} onChange={setSignedOn} />
      <TextField id="plan-agree-name" label={t('agreement.signedByName')} hint={t('agreement.signedByNameHint')} required value={signedByName} onChange={setSignedByName} maxLength={200} />
      {method === 'paper_scan' ? <TextField id="plan-agree-document" label={t('agreement.documentRef')} hint={t('agreement.documentRefHint')} value={documentRef} onChange={setDocumentRef} maxLength={200} /> : null}
      <TextAreaField id="plan-agree-note" label={t('agreement.note')} value={note} onChange={setNote} maxLength={2000} />
    </DialogShell>
  );
}

function CloseDialog({ plan, onDone, onCancel }: DialogProps) {
  const { t } = useTranslation('carePlans');
  const [note, setNote] = useState('');
  const { busy, failure, run } = useAction();
  const submit = () => run(() => carePlansApi.transition(plan.caseId, plan.versionNumber, { to: 'closed', version: plan.version, note }), onDone);
  return (
    <DialogShell id="plan-close-dialog" title={t('closing.title')} about={t('closing.about')} busy={busy} failure={failure} submitLabel={t('closing.submit')} onSubmit={submit} onCancel={onCancel}>
      <TextAreaField id="plan-close-note" label={t('closing.note')} value={note} onChange={setNote} maxLength={2000} />
    </DialogShell>
  );
}
