import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../platform/api/error-text.ts';
import { DateField } from './DateField.tsx';
import { FormCard } from './FormCard.tsx';
import { addressBody, addressErrors, addressState, HouseholdAddressFields } from './HouseholdAddressFields.tsx';
import { dayInRome } from '../../../../src/platform/time/rome.ts';
import { householdsApi } from './households-api.ts';
import { MoveConfirmation } from './MoveConfirmation.tsx';
import { useHouseholdSubmit } from './use-household-submit.ts';

type Props = { personId: string; onDone: (notice: 'created') => void; onCancel: () => void };

/** A new household with this person as reference person (moving them out of their current one, once confirmed). */
export function CreateHouseholdForm({ personId, onDone, onCancel }: Props) {
  const { t } = useTranslation(['households', 'common']);
  const [address, setAddress] = useState(addressState(null));
  const [validFrom, setValidFrom] = useState(dayInRome());
  const { errors, failure, move, run, forget } = useHouseholdSubmit();

  const submit = () => {
    const local: FieldErrors = addressErrors(address, t);
    if (!validFrom) local.validFrom = t('common:form.required');
    return run(local, async (confirmed) => {
      await householdsApi.create({ referencePersonId: personId, validFrom, address: addressBody(address), move: confirmed });
      onDone('created');
    });
  };

  return (
    <FormCard id="household-create" title={t('create.title')} submitLabel={move ? t('move.confirm') : t('create.submit')} onSubmit={submit} onCancel={onCancel} failure={failure}>
      <p>{t('create.intro')}</p>
      <DateField
        id="household-create-valid-from"
        label={t('create.validFrom')}
        value={validFrom}
        onChange={(value) => {
          setValidFrom(value);
          forget();
        }}
        error={errors.validFrom}
      />
      <HouseholdAddressFields idPrefix="household-create" value={address} onChange={setAddress} errors={errors} />
      {move ? <MoveConfirmation move={move} name={undefined} /> : null}
    </FormCard>
  );
}
