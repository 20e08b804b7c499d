import { Button } from 'design-react-kit';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentDimension } from '../../../../src/features/case-settings/case-settings.schemas.ts';
import { fieldErrorsOf } from '../../platform/api/error-text.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { caseSettingsApi } from './case-settings-api.ts';

type Labels = Record<number, { it: string; en: string }>;
const toNumber = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** Creates a dimension (no `dimension`) or edits one: names, scale, a label per level, order, active. */
export function DimensionForm({ dimension, onDone }: { dimension?: AssessmentDimension; onDone: (saved: boolean) => void }) {
  const { t, i18n } = useTranslation(['caseSettings', 'common']);
  const [draft, setDraft] = useState({
    code: dimension?.code ?? '',
    nameIt: dimension?.nameIt ?? '',
    nameEn: dimension?.nameEn ?? '',
    scaleMin: String(dimension?.scaleMin ?? 1),
    scaleMax: String(dimension?.scaleMax ?? 4),
    sortOrder: String(dimension?.sortOrder ?? 100),
    isActive: dimension?.isActive ?? true,
  });
  const [labels, setLabels] = useState<Labels>(Object.fromEntries((dimension?.levelLabels ?? []).map((l) => [l.value, { it: l.it, en: l.en }])));
  const [failure, setFailure] = useState<unknown>(null);
  const errors = fieldErrorsOf(failure, i18n.language);
  const min = toNumber(draft.scaleMin);
  const max = toNumber(draft.scaleMax);
  const levels = Number.isInteger(min) && Number.isInteger(max) && min < max && max - min <= 10 ? Array.from({ length: max - min + 1 }, (_, i) => min + i) : [];

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const named = levels.filter((v) => labels[v]?.it.trim() || labels[v]?.en.trim());
    const body = {
      nameIt: draft.nameIt,
      nameEn: draft.nameEn,
      scaleMin: min,
      scaleMax: max,
      sortOrder: toNumber(draft.sortOrder),
      isActive: draft.isActive,
      levelLabels: named.map((value) => ({ value, it: labels[value]?.it ?? '', en: labels[value]?.en ?? '' })),
    };
    try {
      if (dimension) await caseSettingsApi.updateDimension(dimension.id, body);
      else await caseSettingsApi.createDimension({ ...body, code: draft.code.trim().toUpperCase() });
      onDone(true);
    } catch (error) {
      setFailure(error);
    }
  };
  const id = dimension ? `dimension-${dimension.code}` : 'new-dimension';
  const field = (key: 'nameIt' | 'nameEn' | 'scaleMin' | 'scaleMax' | 'sortOrder', numeric = false) => (
    <TextField id={`${id}-${key}`} label={t(`dimensions.${key}`)} value={draft[key]} onChange={(value) => { setDraft({ ...draft, [key]: value }); }} error={errors[key]} required {...(numeric ? { type: 'number' as const, inputMode: 'numeric' as const } : { maxLength: 120 })} />
  );

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="border rounded p-3 mb-4" data-testid={`${id}-form`} aria-labelledby={`${id}-legend`}>
      <h3 id={`${id}-legend`} className="h5">{dimension ? t('dimensions.editTitle', { name: dimension.nameIt }) : t('dimensions.new')}</h3>
      <div className="row">
        {dimension ? null : (
          <div className="col-12 col-md-4">
            <TextField id={`${id}-code`} label={t('dimensions.code')} hint={t('procedures.codeHint')} value={draft.code} onChange={(code) => { setDraft({ ...draft, code }); }} error={errors.code} required maxLength={30} />
          </div>
        )}
        <div className="col-12 col-md-4">{field('nameIt')}</div>
        <div className="col-12 col-md-4">{field('nameEn')}</div>
        <div className="col-6 col-md-2">{field('scaleMin', true)}</div>
        <div className="col-6 col-md-2">{field('scaleMax', true)}</div>
        <div className="col-6 col-md-2">{field('sortOrder', true)}</div>
        <div className="col-6 col-md-2 pt-4"><CheckboxField id={`${id}-active`} label={t('dimensions.active')} checked={draft.isActive} onChange={(isActive) => { setDraft({ ...draft, isActive }); }} /></div>
      </div>
      {levels.length ? (
        <fieldset className="mb-3">
          <legend className="h6">{t('dimensions.labels')}</legend>
          {errors.levelLabels ? <p className="text-danger" role="alert">{errors.levelLabels}</p> : null}
          {levels.map((value) => (
            <div className="row" key={value}>
              <div className="col-12 col-md-6">
                <TextField id={`${id}-level-${String(value)}-it`} label={t('dimensions.labelIt', { value })} value={labels[value]?.it ?? ''} onChange={(it) => { setLabels({ ...labels, [value]: { it, en: labels[value]?.en ?? '' } }); }} maxLength={80} />
              </div>
              <div className="col-12 col-md-6">
                <TextField id={`${id}-level-${String(value)}-en`} label={t('dimensions.labelEn', { value })} value={labels[value]?.en ?? ''} onChange={(en) => { setLabels({ ...labels, [value]: { it: labels[value]?.it ?? '', en } }); }} maxLength={80} />
              </div>
            </div>
          ))}
        </fieldset>
      ) : null}
      <ErrorAlert error={failure} />
      <Button color="primary" size="sm" type="submit" testId={`${id}-submit`}>{t('common:actions.save')}</Button>{' '}
      <Button color="secondary" outline size="sm" type="button" onClick={() => { onDone(false); }}>{t('common:actions.cancel')}</Button>
    </form>
  );
}
