import {Button } from 'design-react-kit';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../platform/components/DataTable.tsx';
import type { Area } from '../../../../src/features/territories/territories.schemas.ts';
import { fieldErrorsOf, type FieldErrors } from '../../platform/api/error-text.ts';
import type { ComboOption } from '../../platform/components/Combobox.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { MunicipalityPicker } from './MunicipalityPicker.tsx';
import { territoriesApi } from './territories-api.ts';

/** Sub-municipal areas (quartieri, municipi) of one municipality. */
export function AreasSection() {
  const { t, i18n } = useTranslation(['territories', 'common']);
  const [municipality, setMunicipality] = useState<ComboOption | null>(null);
  const [areas, setAreas] = useState<Area[] | null>(null);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const code = municipality?.value;

  useEffect(() => {
    setAreas(null);
    if (!code) return;
    void territoriesApi.areas(code).then(setAreas, setFailure);
  }, [code]);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!code) {
      setErrors({ municipalityCode: t('common:form.required') });
      return;
    }
    if (name.trim().length < 2) {
      setErrors({ name: t('areas.nameTooShort') });
      return;
    }
    setErrors({});
    setBusy(true);
    setFailure(null);
    try {
      const area = await territoriesApi.createArea({ municipalityCode: code, name: name.trim() });
      setAreas((current) => [...(current ?? []), area]);
      setName('');
    } catch (error) {
      setFailure(error);
      setErrors(fieldErrorsOf(error, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="areas-title" className="mb-5">
      <h2 id="areas-title">{t('areas.title')}</h2>
      <p>{t('areas.intro')}</p>
      <MunicipalityPicker
        id="areas-municipality"
        label={t('areas.municipality')}
        selected={municipality}
        onSelect={setMunicipality}
        error={errors.municipalityCode}
      />
      <ErrorAlert error={failure} />
      {municipality && areas ? (
        <DataTable caption={t('areas.caption', { municipality: municipality.label })} testId="areas-table">
          <thead>
            <tr>
              <th scope="col">{t('areas.name')}</th>
            </tr>
          </thead>
          <tbody>
            {areas.length === 0 ? (
              <tr>
                <td>{t('areas.empty')}</td>
              </tr>
            ) : null}
            {areas.map((area) => (
              <tr key={area.id}>
                <td>{area.name}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {municipality ? (
        <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="area-new-title">
          <h3 className="h5" id="area-new-title">
            {t('areas.newTitle', { municipality: municipality.label })}
          </h3>
          <TextField id="area-name" label={t('areas.name')} value={name} onChange={setName} error={errors.name} required />
          <Button color="primary" type="submit" disabled={busy} testId="area-save">
            {t('areas.add')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
