import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EndReason, Relationship } from '../../../../src/features/households/households.codes.ts';
import type { Member } from '../../../../src/features/households/households.schemas.ts';
import type { FieldErrors } from '../../platform/api/error-text.ts';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { DateField } from './DateField.tsx';
import { FormCard } from './FormCard.tsx';
import { dayInRome } from '../../../../src/platform/time/rome.ts';
import { householdsApi } from './households-api.ts';
import { useEndReasonOptions, useRelationshipOptions } from './use-relationship-options.ts';
import { useHouseholdSubmit } from './use-household-submit.ts';

type Props = {
  householdId: string;
  member: Member;
  /** All current members, the member included. */
  members: readonly Member[];
  onDone: (notice: 'saved' | 'ended') => void;
  onCancel: () => void;
};

const nameOf = (member: Member) => `${member.person.familyName} ${member.person.givenName}`;
const REFERENCE = 'reference_person';

/** Changes a member's relationship; making them reference person asks the former one's new relationship. */
export function RelationshipForm({ householdId, member, members, onDone, onCancel }: Props) {
  const { t } = useTranslation(['households', 'common']);
  const all = useRelationshipOptions(true);
  const others = useRelationshipOptions(false);
  const isReference = member.relationship === REFERENCE;
  const [relationship, setRelationship] = useState<Relationship>(member.relationship);
  const [former, setFormer] = useState<Relationship | ''>('');
  const { errors, failure, run } = useHouseholdSubmit();
  const reference = members.find((m) => m.relationship === REFERENCE && m.membershipId !== member.membershipId);
  const asksFormer = relationship === REFERENCE && !isReference && reference !== undefined;

  const submit = () => {
    const local: FieldErrors = {};
    if (asksFormer && !former) local.formerReferenceRelationship = t('common:form.required');
    return run(local, async () => {
      const formerReferenceRelationship = asksFormer && former && former !== REFERENCE ? former : undefined;
      await householdsApi.changeRelationship(householdId, member.membershipId, { relationship, ...(formerReferenceRelationship ? { formerReferenceRelationship } : {}) });
      onDone('saved');
    });
  };

  return (
    <FormCard id="household-relationship" title={t('relationshipForm.title', { name: nameOf(member) })} submitLabel={t('common:actions.save')} onSubmit={submit} onCancel={onCancel} failure={failure}>
      <SelectField
        id="household-relationship-value"
        label={t('relationshipForm.relationship')}
        value={relationship}
        options={isReference ? all.filter((o) => o.value === REFERENCE) : all}
        onChange={(value) => { setRelationship(value as Relationship); }}
        hint={isReference ? t('relationshipForm.referenceHint') : undefined}
        error={errors.relationship}
        required
      />
      {asksFormer ? (
        <SelectField
          id="household-relationship-former"
          label={t('relationshipForm.formerReference', { name: nameOf(reference) })}
          value={former}
          options={others}
          placeholder={t('common:form.choose')}
          onChange={(value) => { setFormer(value as Relationship | ''); }}
          error={errors.formerReferenceRelationship}
          required
        />
      ) : null}
    </FormCard>
  );
}

/** Ends a membership; when the reference person leaves and others remain, asks who becomes reference person. */
export function EndMemberForm({ householdId, member, members, onDone, onCancel }: Props) {
  const { t } = useTranslation(['households', 'common']);
  const reasons = useEndReasonOptions();
  const [validTo, setValidTo] = useState(dayInRome());
  const [reason, setReason] = useState<Exclude<EndReason, 'moved_to_household'> | ''>('');
  const [successor, setSuccessor] = useState('');
  const { errors, failure, run } = useHouseholdSubmit();
  const remaining = members.filter((m) => m.membershipId !== member.membershipId);
  const asksSuccessor = member.relationship === REFERENCE && remaining.length > 0;

  const submit = () => {
    const local: FieldErrors = {};
    if (!validTo) local.validTo = t('common:form.required');
    if (!reason) local.reason = t('common:form.required');
    if (asksSuccessor && !successor) local.newReferenceMemberId = t('common:form.required');
    return run(local, async () => {
      if (!reason) return;
      await householdsApi.endMember(householdId, member.membershipId, { validTo, reason, ...(asksSuccessor ? { newReferenceMemberId: successor } : {}) });
      onDone('ended');
    });
  };

  return (
    <FormCard id="household-end" title={t('endForm.title', { name: nameOf(member) })} submitLabel={t('endForm.submit')} onSubmit={submit} onCancel={onCancel} failure={failure}>
      <p className="small">{t('endForm.moveHint')}</p>
      <DateField id="household-end-valid-to" label={t('endForm.validTo')} value={validTo} onChange={setValidTo} error={errors.validTo} />
      <SelectField
        id="household-end-reason"
        label={t('endForm.reason')}
        value={reason}
        options={reasons}
        placeholder={t('common:form.choose')}
        onChange={(value) => { setReason(value as typeof reason); }}
        error={errors.reason}
        required
      />
      {asksSuccessor ? (
        <SelectField
          id="household-end-successor"
          label={t('endForm.newReference')}
          hint={t('endForm.newReferenceHint')}
          value={successor}
          options={remaining.map((m) => ({ value: m.membershipId, label: nameOf(m) }))}
          placeholder={t('common:form.choose')}
          onChange={setSuccessor}
          error={errors.newReferenceMemberId}
          required
        />
      ) : null}
    </FormCard>
  );
}
