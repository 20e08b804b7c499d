import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SINA_CODED_FIELDS, SINA_LIST_FIELD } from '../../../../src/features/assessments/assessments.codes.ts';
import type { Sina, SinaOption } from '../../../../src/features/assessments/assessments.schemas.ts';
import type { FieldErrors } from '../../platform/api/error-text.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { assessmentsApi } from './assessments-api.ts';

let optionsCache: Promise<SinaOption[]> | undefined;
/** The SIUSS SINA coded values (labels in Italian and English), fetched once per page load. */
export function useSinaOptions(): { options: SinaOption[] | null; failure: unknown } {
  const [options, setOptions] = useState<SinaOption[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    optionsCache ??= assessmentsApi.sinaOptions();
    optionsCache.then(setOptions, (error: unknown) => { optionsCache = undefined; setFailure(error); });
  }, []);
  return { options, failure };
}

/** The label of a SINA code in the current language ("2 — Si sposta assistito"). */
export function sinaLabel(options: SinaOption[] | null, field: string, code: string, english: boolean): string {
  const found = options?.find((o) => o.field === field)?.codes.find((c) => c.code === code);
  return found ? `${code} — ${english ? found.en : found.it}` : code;
}

/** The SINA block of the in-depth assessment: one select per coded field, InvCiv as checkboxes. */
export function SinaFieldset({ sina, onChange, errors }: { sina: Sina; onChange: (next: Sina) => void; errors: FieldErrors }) {
  const { t, i18n } = useTranslation('assessments');
  const english = i18n.language.startsWith('en');
  const { options, failure } = useSinaOptions();
  const codesOf = (field: string) => options?.find((o) => o.field === field)?.codes ?? [];
  const invCiv = sina.InvCiv ?? [];
  return (
    <fieldset className="border rounded p-3 mb-4" data-testid="sina-block">
      <legend className="h5 px-2 w-auto">{t('sina.title')}</legend>
      <p className="small">{t('sina.intro')}</p>
      <ErrorAlert error={failure} />
      {SINA_CODED_FIELDS.map(({ field, required }) => (
        <SelectField
          key={field}
          id={`sina-${field}`}
          label={t(`sina.fields.${field}`)}
          value={sina[field] ?? ''}
          placeholder={t('sina.notGiven')}
          required={required}
          options={codesOf(field).map((c) => ({ value: c.code, label: sinaLabel(options, field, c.code, english) }))}
          onChange={(value) => { onChange({ ...sina, [field]: value || null }); }}
          error={errors[`sina.${field}`]}
        />
      ))}
      <fieldset className="mb-3" id="sina-InvCiv">
        <legend className="form-label fs-6 fw-semibold mb-1">{t(`sina.fields.${SINA_LIST_FIELD}`)}</legend>
        {errors[`sina.${SINA_LIST_FIELD}`] ? <p className="text-danger small">{errors[`sina.${SINA_LIST_FIELD}`]}</p> : null}
        {codesOf(SINA_LIST_FIELD).map((c) => (
          <CheckboxField
            key={c.code}
            id={`sina-InvCiv-${c.code}`}
            label={sinaLabel(options, SINA_LIST_FIELD, c.code, english)}
            checked={invCiv.includes(c.code)}
            onChange={(checked) => { onChange({ ...sina, InvCiv: checked ? [...invCiv, c.code].sort() : invCiv.filter((x) => x !== c.code) }); }}
          />
        ))}
      </fieldset>
      <TextField id="sina-DataValutazione" type="date" label={t('sina.date')} value={sina.DataValutazione ?? ''} onChange={(value) => { onChange({ ...sina, DataValutazione: value || null }); }} error={errors['sina.DataValutazione']} />
    </fieldset>
  );
}

