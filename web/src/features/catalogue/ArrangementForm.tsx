import { Button } from 'design-react-kit';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_MODES, FUNCTION_MODES, TITLE_HOLDERS } from '../../../../src/features/catalogue/catalogue.codes.ts';
import type { Arrangement } from '../../../../src/features/catalogue/catalogue.schemas.ts';
import type { Provider } from '../../../../src/features/catalogue/providers.schemas.ts';
import { fieldErrorsOf, type FieldErrors } from '../../platform/api/error-text.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { RadioGroup } from '../../platform/components/RadioGroup.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { catalogueApi } from './catalogue-api.ts';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';

type Props = {
  serviceId: string;
  municipality: { code: string; name: string };
  current: Arrangement | undefined;
  providers: readonly Provider[];
  onSaved: (arrangement: Arrangement) => void;
  onCancel: () => void;
};

const pick = <T extends string>(values: readonly T[], value: string, fallback: T): T => values.find((v) => v === value) ?? fallback;

/** Title holder, delivery (with its providers), function mode and notes of a service in one municipality. */
export function ArrangementForm({ serviceId, municipality, current, providers, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation(['catalogue', 'common']);
  const [titleHolder, setTitleHolder] = useState(current?.titleHolder ?? 'union');
  const [titleHolderName, setTitleHolderName] = useState(current?.titleHolderName ?? '');
  const [delivery, setDelivery] = useState(current?.delivery ?? 'direct');
  const [functionMode, setFunctionMode] = useState(current?.functionMode ?? 'delegated');
  const [providerIds, setProviderIds] = useState<string[]>(current?.providers.map((p) => p.id) ?? []);
  const [notes, setNotes] = useState(current?.notes ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => { headingRef.current?.focus(); }, []);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (titleHolder === 'other' && !titleHolderName.trim()) next.titleHolderName = t('arrangement.nameRequired');
    if (delivery === 'provider' && providerIds.length === 0) next.providerIds = t('arrangement.providersRequired');
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    setFailure(null);
    try {
      onSaved(
        await catalogueApi.setArrangement(serviceId, municipality.code, {
          titleHolder, titleHolderName: titleHolderName.trim() || null, delivery, functionMode, notes: notes.trim() || null,
          providerIds: delivery === 'provider' ? providerIds : [],
        }),
      );
    } catch (error) {
      setFailure(error);
      setErrors(fieldErrorsOf(error, i18n.language));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card card-bg p-3 mt-3" aria-labelledby="arrangement-form-title" data-testid="arrangement-form">
      <h3 id="arrangement-form-title" className="h5" tabIndex={-1} ref={headingRef}>{t('arrangement.editTitle', { municipality: municipality.name })}</h3>
      <ErrorAlert error={failure} />
      <RadioGroup id="arrangement-title-holder" legend={t('detail.titleHolder')} value={titleHolder}
        options={TITLE_HOLDERS.map((v) => ({ value: v, label: t(`titleHolders.${v}`) }))} onChange={(v) => { setTitleHolder(pick(TITLE_HOLDERS, v, 'union')); }} />
      <TextField id="arrangement-title-holder-name" label={t('arrangement.titleHolderName')} hint={t('arrangement.titleHolderNameHint')}
        value={titleHolderName} onChange={setTitleHolderName} error={errors.titleHolderName} required={titleHolder === 'other'} maxLength={200} />
      <RadioGroup id="arrangement-delivery" legend={t('detail.delivery')} value={delivery}
        options={DELIVERY_MODES.map((v) => ({ value: v, label: t(`deliveries.${v}`) }))} onChange={(v) => { setDelivery(pick(DELIVERY_MODES, v, 'direct')); }} />
      {delivery === 'provider' ? (
        <fieldset className="mb-3" id="arrangement-providers" aria-describedby={errors.providerIds ? 'arrangement-providers-error' : undefined}>
          <legend className="form-label fs-6 fw-semibold mb-1">{t('arrangement.providers')}</legend>
          {providers.length === 0 ? <p>{t('arrangement.noProviders')}</p> : null}
          {providers.map((p) => (
            <CheckboxField key={p.id} id={`arrangement-provider-${p.id}`} label={p.name} checked={providerIds.includes(p.id)}
              onChange={(checked) => { setProviderIds((ids) => (checked ? [...ids, p.id] : ids.filter((x) => x !== p.id))); }} />
          ))}
          {errors.providerIds ? <p id="arrangement-providers-error" className="text-danger small mb-0">{errors.providerIds}</p> : null}
        </fieldset>
      ) : null}
      <RadioGroup id="arrangement-function-mode" legend={t('detail.functionMode')} value={functionMode}
        options={FUNCTION_MODES.map((v) => ({ value: v, label: t(`functionModes.${v}`) }))} onChange={(v) => { setFunctionMode(pick(FUNCTION_MODES, v, 'direct')); }} />
      <TextAreaField id="arrangement-notes" label={t('arrangement.notes')} value={notes} onChange={setNotes} rows={2} maxLength={2000} />
      <div className="d-flex flex-wrap gap-2">
        <Button color="primary" type="submit" disabled={busy} testId="arrangement-save">{busy ? t('common:actions.saving') : t('common:actions.save')}</Button>
        <Button color="primary" outline type="button" onClick={onCancel}>{t('common:actions.cancel')}</Button>
      </div>
    </form>
  );
}
