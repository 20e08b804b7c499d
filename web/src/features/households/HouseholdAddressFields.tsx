import { Col, Row } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { HouseholdAddress } from '../../../../src/features/households/households.schemas.ts';
import type { FieldErrors } from '../../platform/api/error-text.ts';
import type { ComboOption } from '../../platform/components/Combobox.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { MunicipalityPicker } from '../territories/MunicipalityPicker.tsx';

export type AddressState = { line: string; postalCode: string; municipality: ComboOption | null };

export const addressState = (address: HouseholdAddress | null): AddressState => ({
  line: address?.address ?? '',
  postalCode: address?.postalCode ?? '',
  municipality: address?.municipalityCode ? { value: address.municipalityCode, label: address.municipalityName ?? address.municipalityCode } : null,
});

/** The request's address, or null when no street line is given. */
export function addressBody(state: AddressState) {
  const line = state.line.trim();
  if (!line) return null;
  return { address: line, postalCode: state.postalCode.trim() || null, municipalityCode: state.municipality?.value ?? null };
}

/** Errors the browser can tell before sending: the server checks the same again. */
export function addressErrors(state: AddressState, t: (key: 'address.lineTooShort' | 'address.postalCodeInvalid') => string): FieldErrors {
  const errors: FieldErrors = {};
  const line = state.line.trim();
  if (line && line.length < 2) errors['address.address'] = t('address.lineTooShort');
  if (state.postalCode.trim() && !/^\d{5}$/.test(state.postalCode.trim())) errors['address.postalCode'] = t('address.postalCodeInvalid');
  return errors;
}

type Props = { idPrefix: string; value: AddressState; onChange: (value: AddressState) => void; errors: FieldErrors };

export function HouseholdAddressFields({ idPrefix, value, onChange, errors }: Props) {
  const { t } = useTranslation('households');
  return (
    <fieldset className="mb-2">
      <legend className="h6">{t('address.title')}</legend>
      <Row>
        <Col xs={12} md={6}>
          <TextField
            id={`${idPrefix}-address`}
            label={t('address.line')}
            hint={t('address.lineHint')}
            value={value.line}
            onChange={(line) => { onChange({ ...value, line }); }}
            error={errors['address.address']}
            maxLength={200}
            autoComplete="off"
          />
        </Col>
        <Col xs={12} md={2}>
          <TextField
            id={`${idPrefix}-postal-code`}
            label={t('address.postalCode')}
            value={value.postalCode}
            onChange={(postalCode) => { onChange({ ...value, postalCode }); }}
            error={errors['address.postalCode']}
            inputMode="numeric"
            maxLength={5}
            autoComplete="off"
          />
        </Col>
        <Col xs={12} md={4}>
          <MunicipalityPicker
            id={`${idPrefix}-municipality`}
            label={t('address.municipality')}
            selected={value.municipality}
            onSelect={(municipality) => { onChange({ ...value, municipality }); }}
            error={errors['address.municipalityCode']}
          />
        </Col>
      </Row>
    </fieldset>
  );
}
