import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRIBUTION_KINDS, FUNDING_LINES, PAYMENT_METHODS, type ContributionKind, type FundingLine, type PaymentMethod } from '../../../../src/features/contributions/contributions.codes.ts';
import type { Contribution } from '../../../../src/features/contributions/contributions.schemas.ts';
import { formatCents, parseEuros } from '../../../../src/platform/money/euros.ts';
import type { CaseDetail } from '../../../../src/features/cases/cases.schemas.ts';
import type { PlanCommitment } from '../../../../src/features/care-plans/care-plans.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { dayInRome } from '../../../../src/platform/time/rome.ts';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { DialogShell } from '../accesses/IntakeDialogs.tsx';
import { useAction } from '../accesses/use-action.ts';
import { carePlansApi } from '../care-plans/care-plans-api.ts';
import { contributionsApi } from './contributions-api.ts';

type Done = { onDone: (contribution: Contribution) => void; onCancel: () => void };
const thisMonth = () => dayInRome().slice(0, 7);

/** A new contribution in the case's plan: beneficiary, amount in euros (read into integer cents), months, funding line, payment. */
export function ProposeDialog({ detail, onDone, onCancel }: Done & { detail: CaseDetail }) {
  const { t } = useTranslation(['contributions', 'common']);
  const me = useMe();
  const [personId, setPersonId] = useState(detail.persons[0]?.personId ?? '');
  const [kind, setKind] = useState<ContributionKind>('monthly');
  const [amount, setAmount] = useState('');
  const [firstMonth, setFirstMonth] = useState(thisMonth());
  const [months, setMonths] = useState('3');
  const [reason, setReason] = useState('');
  const [fundingLine, setFundingLine] = useState<FundingLine | ''>('');
  const [method, setMethod] = useState<PaymentMethod>('bank_transfer');
  const [iban, setIban] = useState('');
  const [override, setOverride] = useState('');
  // The pact of the plan's latest version: the contribution can be tied to the commitments it rewards or supports.
  const [pact, setPact] = useState<PlanCommitment[] | null>(null);
  const [commitmentKeys, setCommitmentKeys] = useState<string[]>([]);
  useEffect(() => {
    void carePlansApi.overview(detail.id).then((o) => { setPact(o.latest?.commitments ?? []); }, () => { setPact([]); });
  }, [detail.id]);
  const [amountError, setAmountError] = useState<string | undefined>(undefined);
  const { busy, failure, run } = useAction();
  const submit = async () => {
    const cents = parseEuros(amount);
    setAmountError(cents === null || cents === 0 ? t('propose.amountInvalid') : undefined);
    if (cents === null || cents === 0) return;
    await run(
      () =>
        contributionsApi.propose(detail.id, {
          personId,
          kind,
          amountCents: cents,
          firstMonth,
          months: kind === 'monthly' ? Number(months) || 1 : 1,
          reason,
          commitmentKeys,
          fundingLine: fundingLine as FundingLine,
          paymentMethod: method,
          iban: method === 'bank_transfer' ? iban : null,
          ...(override.trim() ? { overrideReason: override } : {}),
        }),
      onDone,
    );
  };
  return (
    <DialogShell id="contribution-propose-dialog" title={t('propose.title')} about={t('propose.about')} busy={busy} failure={failure} submitLabel={t('propose.submit')} onSubmit={submit} onCancel={onCancel}>
      <SelectField
        id="contribution-person"
        label={t('propose.beneficiary')}
        required
        value={personId}
        options={detail.persons.map((p) => ({ value: p.personId, label: `${p.givenName} ${p.familyName}` }))}
        onChange={setPersonId}
      />
      <SelectField id="contribution-kind" label={t('propose.kind')} required value={kind} options={CONTRIBUTION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} onChange={(v) => { setKind(v as ContributionKind); }} />
      <TextField id="contribution-amount" label={t('propose.amount')} required inputMode="text" value={amount} onChange={setAmount} error={amountError} maxLength={15} />
      <TextField id="contribution-first-month" label={t('propose.firstMonth')} required value={firstMonth} onChange={setFirstMonth} maxLength={7} />
      {kind === 'monthly' ? <TextField id="contribution-months" label={t('propose.months')} type="number" required value={months} onChange={setMonths} /> : null}
      <TextAreaField id="contribution-reason" label={t('propose.reason')} required value={reason} onChange={setReason} maxLength={2000} />
      <fieldset className="mb-3" data-testid="contribution-commitments">
        <legend className="h6">{t('propose.commitments')}</legend>
        {pact?.length === 0 ? <p className="small">{t('propose.noCommitments')}</p> : null}
        {pact?.map((c) => (
          <CheckboxField
            key={c.key}
            id={`contribution-commitment-${c.key}`}
            label={c.commitment}
            checked={commitmentKeys.includes(c.key)}
            onChange={(on) => { setCommitmentKeys(on ? [...commitmentKeys, c.key] : commitmentKeys.filter((k) => k !== c.key)); }}
          />
        ))}
      </fieldset>
      <SelectField
        id="contribution-funding"
        label={t('propose.funding')}
        required
        value={fundingLine}
        placeholder={t('common:form.choose')}
        options={FUNDING_LINES.map((f) => ({ value: f, label: t(`funding.${f}`) }))}
        onChange={(v) => { setFundingLine(v as FundingLine); }}
      />
      <SelectField id="contribution-method" label={t('propose.method')} required value={method} options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))} onChange={(v) => { setMethod(v as PaymentMethod); }} />
      {method === 'bank_transfer' ? <TextField id="contribution-iban" label={t('propose.iban')} required value={iban} onChange={setIban} maxLength={50} autoCapitalize="characters" spellCheck={false} /> : null}
      {can(me, permissions.caseManage) ? <TextAreaField id="contribution-override" label={t('propose.override')} hint={t('propose.overrideHint')} value={override} onChange={setOverride} maxLength={2000} /> : null}
    </DialogShell>
  );
}

/** Withdraws a proposal or revokes an approved contribution, with the reason. */
export function RevokeDialog({ caseId, contribution, onDone, onCancel }: Done & { caseId: string; contribution: Contribution }) {
  const { t, i18n } = useTranslation('contributions');
  const [reason, setReason] = useState('');
  const { busy, failure, run } = useAction();
  const submit = () => run(() => contributionsApi.revoke(caseId, contribution.id, { reason, version: contribution.version }), onDone);
  return (
    <DialogShell
      id="contribution-revoke-dialog"
      title={t('revokeDialog.title')}
      about={t('revokeDialog.about', { amount: formatCents(contribution.amountCents, i18n.language), name: contribution.personName })}
      busy={busy}
      failure={failure}
      submitLabel={t('revokeDialog.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextAreaField id="contribution-revoke-reason" label={t('revokeDialog.reason')} required value={reason} onChange={setReason} maxLength={2000} />
    </DialogShell>
  );
}
