import { Col, Row } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../../../src/features/territories/territories.schemas.ts';
import type { ComboOption } from '../../platform/components/Combobox.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { MunicipalityPicker } from '../territories/MunicipalityPicker.tsx';
import { territoriesApi } from '../territories/territories-api.ts';
import { useMyMunicipalities } from '../territories/use-my-municipalities.ts';

type Props = {
  municipality: ComboOption | null;
  areaId: string;
  onChange: (municipality: ComboOption | null, areaId: string) => void;
  errors: Record<string, string>;
};

/** The municipality whose social service the person refers to, and its sub-municipal area if any. */
export function ServiceFields({ municipality, areaId, onChange, errors }: Props) {
  const { t } = useTranslation(['registry', 'common']);
  const mine = useMyMunicipalities();
  const [areas, setAreas] = useState<Area[]>([]);
  const code = municipality?.value;

  useEffect(() => {
    setAreas([]);
    if (!code) return;
    void territoriesApi.areas(code).then(setAreas, () => { setAreas([]); });
  }, [code]);

  const options = [...mine.options];
  if (municipality && !options.some((o) => o.value === municipality.value)) options.push(municipality);

  return (
    <fieldset className="mb-3">
      <legend className="h5">{t('form.serviceSection')}</legend>
      <Row>
        <Col xs={12} md={6}>
          {mine.options.length ? (
            <SelectField
              id="person-municipality"
              label={t('form.municipality')}
              value={code ?? ''}
              placeholder={t('common:form.choose')}
              options={options}
              onChange={(value) => { onChange(options.find((o) => o.value === value) ?? null, ''); }}
              error={errors.municipalityCode}
              hint={t('form.municipalityHint')}
              required
            />
          ) : (
            <MunicipalityPicker
              id="person-municipality"
              label={t('form.municipality')}
              selected={municipality}
              onSelect={(option) => { onChange(option, ''); }}
              error={errors.municipalityCode}
              hint={t('form.municipalityHint')}
              required
            />
          )}
        </Col>
        {areas.length ? (
          <Col xs={12} md={6}>
            <SelectField
              id="person-area"
              label={t('form.area')}
              value={areaId}
              placeholder={t('common:form.none')}
              options={areas.map((a) => ({ value: a.id, label: a.name }))}
              onChange={(value) => { onChange(municipality, value); }}
              error={errors.areaId}
            />
          </Col>
        ) : null}
      </Row>
    </fieldset>
  );
}
