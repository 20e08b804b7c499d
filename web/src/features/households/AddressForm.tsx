import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../../../src/features/households/households.schemas.ts';
import { FormCard } from './FormCard.tsx';
import { addressBody, addressErrors, addressState, HouseholdAddressFields } from './HouseholdAddressFields.tsx';
import { householdsApi } from './households-api.ts';
import { useHouseholdSubmit } from './use-household-submit.ts';

type Props = { household: Household; onDone: (notice: 'saved') => void; onCancel: () => void };

/** The shared address, saved against the version read (someone else's change in between gets a clear message). */
export function AddressForm({ household, onDone, onCancel }: Props) {
  const { t } = useTranslation(['households', 'common']);
  const [address, setAddress] = useState(addressState(household.address));
  const { errors, failure, run } = useHouseholdSubmit();
  const submit = () =>
    run(addressErrors(address, t), async () => {
      await householdsApi.update(household.id, { address: addressBody(address), version: household.version });
      onDone('saved');
    });
  return (
    <FormCard id="household-address-form" title={t('address.editTitle')} submitLabel={t('common:actions.save')} onSubmit={submit} onCancel={onCancel} failure={failure}>
      <HouseholdAddressFields idPrefix="household-edit" value={address} onChange={setAddress} errors={errors} />
    </FormCard>
  );
}
