import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Relationship } from '../../../../src/features/households/households.codes.ts';
import type { FieldErrors } from '../../platform/api/error-text.ts';
import type { ComboOption } from '../../platform/components/Combobox.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { PersonPicker } from '../registry/PersonPicker.tsx';
import { DateField } from './DateField.tsx';
import { FormCard } from './FormCard.tsx';
import { dayInRome } from '../../../../src/platform/time/rome.ts';
import { householdsApi } from './households-api.ts';
import { MoveConfirmation } from './MoveConfirmation.tsx';
import { useRelationshipOptions } from './use-relationship-options.ts';
import { useHouseholdSubmit } from './use-household-submit.ts';

type Props = { householdId: string; onDone: (notice: 'added' | 'moved') => void; onCancel: () => void };

/** Adds a registered person; one who belongs to another household is moved only after a clear confirmation. */
export function AddMemberForm({ householdId, onDone, onCancel }: Props) {
  const { t } = useTranslation(['households', 'common']);
  const relationships = useRelationshipOptions(false);
  const [person, setPerson] = useState<ComboOption | null>(null);
  const [relationship, setRelationship] = useState<Relationship | ''>('');
  const [validFrom, setValidFrom] = useState(dayInRome());
  const { errors, failure, move, run, forget } = useHouseholdSubmit();

  const submit = () => {
    const local: FieldErrors = {};
    if (!person) local.personId = t('common:form.required');
    if (!relationship) local.relationship = t('common:form.required');
    if (!validFrom) local.validFrom = t('common:form.required');
    return run(local, async (confirmed) => {
      if (!person || !relationship) return;
      await householdsApi.addMember(householdId, { personId: person.value, relationship, validFrom, move: confirmed });
      onDone(confirmed ? 'moved' : 'added');
    });
  };

  return (
    <FormCard id="household-add" title={t('add.title')} submitLabel={move ? t('move.confirm') : t('add.submit')} onSubmit={submit} onCancel={onCancel} failure={failure}>
      <PersonPicker
        id="household-add-person"
        label={t('add.person')}
        hint={t('add.personHint')}
        selected={person}
        onSelect={(option) => {
          setPerson(option);
          forget();
        }}
        error={errors.personId}
        required
      />
      <SelectField
        id="household-add-relationship"
        label={t('add.relationship')}
        value={relationship}
        options={relationships}
        placeholder={t('common:form.choose')}
        onChange={(value) => { setRelationship(value as Relationship | ''); }}
        error={errors.relationship}
        required
      />
      <DateField
        id="household-add-valid-from"
        label={t('add.validFrom')}
        value={validFrom}
        onChange={(value) => {
          setValidFrom(value);
          forget();
        }}
        error={errors.validFrom}
      />
      {move ? <MoveConfirmation move={move} name={person?.label} /> : null}
    </FormCard>
  );
}
