import { useTranslation } from 'react-i18next';
import type { AssessedDimension } from '../../../../src/features/assessments/assessments.schemas.ts';
import { RadioGroup } from '../../platform/components/RadioGroup.tsx';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';

/** The levels of a dimension's scale as radio options, each with its label when configured. */
function levels(d: AssessedDimension, english: boolean) {
  const out = [];
  for (let value = d.scaleMin; value <= d.scaleMax; value += 1) {
    const label = d.levelLabels.find((l) => l.value === value);
    out.push({ value: String(value), label: label ? `${String(value)} — ${english ? label.en : label.it}` : String(value) });
  }
  return out;
}

/** One dimension of the in-depth assessment: its scale as radios (plus "not assessed") and notes. */
export function DimensionFieldset({ dimension, onChange, error }: { dimension: AssessedDimension; onChange: (next: AssessedDimension) => void; error?: string | undefined }) {
  const { t, i18n } = useTranslation('assessments');
  const english = i18n.language.startsWith('en');
  const name = english ? dimension.nameEn : dimension.nameIt;
  const id = `dimension-${dimension.code}`;
  return (
    <fieldset className="border rounded p-3 mb-3" data-testid={id}>
      <legend className="h5 px-2 w-auto">{name}</legend>
      <p className="small text-muted mb-1">{t('inDepth.scaleHint', { min: dimension.scaleMin, max: dimension.scaleMax })}</p>
      {error ? <p className="text-danger small" id={`${id}-error`}>{error}</p> : null}
      <RadioGroup
        id={`${id}-score`}
        legend={t('inDepth.score')}
        value={dimension.score === null ? '' : String(dimension.score)}
        options={[...levels(dimension, english), { value: '', label: t('inDepth.noScore') }]}
        onChange={(value) => { onChange({ ...dimension, score: value === '' ? null : Number(value) }); }}
        inline={false}
      />
      <TextAreaField id={`${id}-notes`} label={t('inDepth.notes', { name })} value={dimension.notes} onChange={(notes) => { onChange({ ...dimension, notes }); }} rows={2} maxLength={8000} />
    </fieldset>
  );
}
