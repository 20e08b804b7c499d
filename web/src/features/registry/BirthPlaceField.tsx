import { useTranslation } from 'react-i18next';
import type { ComboOption } from '../../platform/components/Combobox.tsx';
import { RadioGroup } from '../../platform/components/RadioGroup.tsx';
import { CountryPicker } from '../territories/CountryPicker.tsx';
import { MunicipalityPicker } from '../territories/MunicipalityPicker.tsx';

type Props = {
  kind: 'italy' | 'abroad';
  value: ComboOption | null;
  onChange: (kind: 'italy' | 'abroad', value: ComboOption | null) => void;
  error?: string | undefined;
};

/** Birthplace: an Italian municipality (Belfiore code) or a foreign country (its `Z` code). */
export function BirthPlaceField({ kind, value, onChange, error }: Props) {
  const { t } = useTranslation(['registry', 'common']);
  return (
    <div className="mb-2">
      <RadioGroup
        id="person-birth-place-kind"
        legend={t('form.birthPlaceKind')}
        value={kind}
        options={[
          { value: 'italy', label: t('form.bornInItaly') },
          { value: 'abroad', label: t('form.bornAbroad') },
        ]}
        onChange={(next) => { onChange(next === 'abroad' ? 'abroad' : 'italy', null); }}
      />
      {kind === 'italy' ? (
        <MunicipalityPicker
          id="person-birth-place"
          label={t('form.birthMunicipality')}
          valueKind="belfiore"
          selected={value}
          onSelect={(option) => { onChange('italy', option); }}
          error={error}
        />
      ) : (
        <CountryPicker
          id="person-birth-country"
          label={t('form.birthCountry')}
          selected={value}
          onSelect={(option) => { onChange('abroad', option); }}
          error={error}
        />
      )}
    </div>
  );
}
