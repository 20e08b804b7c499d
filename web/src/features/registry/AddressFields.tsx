import { Col, Row } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../platform/components/TextField.tsx';
import { MunicipalityPicker } from '../territories/MunicipalityPicker.tsx';
import type { AddressState } from './person-form-model.ts';

type Props = {
  kind: 'residence' | 'domicile';
  value: AddressState;
  onChange: (value: AddressState) => void;
  errors: Record<string, string>;
};

export function AddressFields({ kind, value, onChange, errors }: Props) {
  const { t } = useTranslation(['registry', 'common']);
  const id = `person-${kind}`;
  return (
    <fieldset className="mb-3">
      <legend className="h6">{t(`form.${kind}`)}</legend>
      <p className="small text-muted">{t('form.addressHint')}</p>
      <Row>
        <Col xs={12} md={5}>
          <MunicipalityPicker
            id={`${id}-municipality`}
            label={t('form.addressMunicipality')}
            selected={value.municipality}
            onSelect={(municipality) => { onChange({ ...value, municipality }); }}
            error={errors[`${kind}.municipalityCode`]}
          />
        </Col>
        <Col xs={12} md={5}>
          <TextField
            id={`${id}-address`}
            label={t('form.address')}
            value={value.address}
            onChange={(address) => { onChange({ ...value, address }); }}
            error={errors[`${kind}.address`]}
            autoComplete={kind === 'residence' ? 'street-address' : 'off'}
            maxLength={200}
          />
        </Col>
        <Col xs={12} md={2}>
          <TextField
            id={`${id}-postal-code`}
            label={t('form.postalCode')}
            value={value.postalCode}
            onChange={(postalCode) => { onChange({ ...value, postalCode }); }}
            error={errors[`${kind}.postalCode`]}
            inputMode="numeric"
            maxLength={5}
            autoComplete={kind === 'residence' ? 'postal-code' : 'off'}
          />
        </Col>
      </Row>
    </fieldset>
  );
}
