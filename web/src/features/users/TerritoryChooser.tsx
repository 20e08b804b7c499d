import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerritoryKind } from '../../../../src/platform/access/roles.ts';
import type { Area, TerritoryGroup } from '../../../../src/features/territories/territories.schemas.ts';
import type { ComboOption } from '../../platform/components/Combobox.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { MunicipalityPicker } from '../territories/MunicipalityPicker.tsx';
import { territoriesApi } from '../territories/territories-api.ts';

type Props = {
  kind: TerritoryKind;
  /** territoryId: ISTAT code for a municipality, group id for a Union/District, area id for an area. */
  value: string;
  onChange: (territoryId: string) => void;
  error?: string | undefined;
};

/** Picks the territory a grant names, with the right picker for its kind. */
export function TerritoryChooser({ kind, value, onChange, error }: Props) {
  const { t } = useTranslation(['users', 'common']);
  const [municipality, setMunicipality] = useState<ComboOption | null>(null);
  const [groups, setGroups] = useState<TerritoryGroup[]>([]);
  const [areas, setAreas] = useState<Area[]>([]);
  const areaCity = kind === 'area' ? municipality?.value : undefined;

  useEffect(() => {
    if (kind === 'union' || kind === 'district') void territoriesApi.groups().then(setGroups, () => { setGroups([]); });
  }, [kind]);

  useEffect(() => {
    setAreas([]);
    if (areaCity) void territoriesApi.areas(areaCity).then(setAreas, () => { setAreas([]); });
  }, [areaCity]);

  if (kind === 'union' || kind === 'district') {
    return (
      <SelectField
        id="grant-territory-group"
        label={t(`grants.group.${kind}`)}
        value={value}
        placeholder={t('common:form.choose')}
        options={groups.filter((g) => g.kind === kind).map((g) => ({ value: g.id, label: g.name }))}
        onChange={onChange}
        error={error}
        required
      />
    );
  }
  return (
    <>
      <MunicipalityPicker
        id="grant-territory-municipality"
        label={t('grants.municipality')}
        selected={municipality}
        onSelect={(option) => {
          setMunicipality(option);
          onChange(kind === 'municipality' ? (option?.value ?? '') : '');
        }}
        error={kind === 'municipality' ? error : undefined}
        required
      />
      {kind === 'area' ? (
        <SelectField
          id="grant-territory-area"
          label={t('grants.area')}
          value={value}
          placeholder={municipality ? t('common:form.choose') : t('grants.chooseCityFirst')}
          options={areas.map((a) => ({ value: a.id, label: a.name }))}
          onChange={onChange}
          error={error}
          disabled={!municipality}
          required
        />
      ) : null}
    </>
  );
}
