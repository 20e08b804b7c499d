import { Button, Col, Row } from 'design-react-kit';
import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_KINDS, SERVICE_UNITS } from '../../../../src/features/catalogue/catalogue.codes.ts';
import type { ServiceDetail } from '../../../../src/features/catalogue/catalogue.schemas.ts';
import { fieldErrorsOf, type FieldErrors } from '../../platform/api/error-text.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { ErrorSummary, type SummaryItem } from '../../platform/components/ErrorSummary.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import type { ServiceInputBody } from './catalogue-api.ts';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { useCatalogueReference } from './use-catalogue-reference.ts';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,29}$/;
const FIELD_IDS: Record<string, string> = {
  code: 'service-code',
  name: 'service-name',
  needAreas: 'service-need-areas',
  kind: 'service-kind',
  unit: 'service-unit',
  siussBenefitCode: 'service-siuss',
  accessRules: 'service-access-rules',
};

type Props = { service: ServiceDetail | null; onSave: (body: ServiceInputBody) => Promise<void> };

/** Code, name, areas of need, kind, unit, SIUSS code and access rules of a service. */
export function ServiceForm({ service, onSave }: Props) {
  const { t, i18n } = useTranslation(['catalogue', 'common']);
  const reference = useCatalogueReference();
  const [code, setCode] = useState(service?.code ?? '');
  const [name, setName] = useState(service?.name ?? '');
  const [needAreas, setNeedAreas] = useState<string[]>(service?.needAreas ?? []);
  const [kind, setKind] = useState<string>(service?.kind ?? '');
  const [unit, setUnit] = useState<string>(service?.unit ?? '');
  const [siuss, setSiuss] = useState(service?.siussBenefitCode ?? '');
  const [rules, setRules] = useState(service?.accessRules ?? '');
  const [isActive, setActive] = useState(service?.isActive ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const labels: Record<string, string> = {
    code: t('fields.code'), name: t('fields.name'), needAreas: t('fields.needAreas'), kind: t('fields.kind'),
    unit: t('fields.unit'), siussBenefitCode: t('fields.siussBenefit'), accessRules: t('fields.accessRules'),
  };
  const summary: SummaryItem[] = Object.entries(errors)
    .filter(([field]) => FIELD_IDS[field])
    .map(([field, message]) => ({ key: field, fieldId: FIELD_IDS[field] ?? field, label: labels[field] ?? field, message }));

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (!CODE.test(code.trim())) next.code = t('form.codeInvalid');
    if (name.trim().length < 2) next.name = t('form.nameShort');
    if (!needAreas.length) next.needAreas = t('form.needAreasRequired');
    if (!kind) next.kind = t('common:form.required');
    if (!unit) next.unit = t('common:form.required');
    setErrors(next);
    setFailure(null);
    const chosenKind = SERVICE_KINDS.find((k) => k === kind);
    const chosenUnit = SERVICE_UNITS.find((u) => u === unit);
    if (Object.keys(next).length || !chosenKind || !chosenUnit) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      await onSave({ code: code.trim(), name: name.trim(), needAreas, kind: chosenKind, unit: chosenUnit, siussBenefitCode: siuss || null, accessRules: rules.trim() || null, isActive });
    } catch (error) {
      setFailure(error);
      setErrors(fieldErrorsOf(error, i18n.language));
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="service-form-title">
      <ErrorSummary ref={summaryRef} items={summary} />
      <ErrorAlert error={failure} />
      <Row>
        <Col xs={12} md={4}>
          <TextField id="service-code" label={t('fields.code')} hint={t('fields.codeHint')} value={code} onChange={setCode} error={errors.code} required autoComplete="off" spellCheck={false} />
        </Col>
        <Col xs={12} md={8}>
          <TextField id="service-name" label={t('fields.name')} value={name} onChange={setName} error={errors.name} required maxLength={200} />
        </Col>
      </Row>
      <fieldset className="mb-3" id="service-need-areas" tabIndex={-1} aria-describedby={errors.needAreas ? 'service-need-areas-error' : undefined}>
        <legend className="form-label fs-6 fw-semibold mb-1">{t('fields.needAreas')} <span aria-hidden="true">*</span></legend>
        {reference.needAreaOptions.map((area) => (
          <CheckboxField key={area.value} id={`service-area-${area.value}`} label={area.label} checked={needAreas.includes(area.value)}
            onChange={(checked) => { setNeedAreas((list) => (checked ? [...list, area.value] : list.filter((c) => c !== area.value))); }} />
        ))}
        {errors.needAreas ? <p id="service-need-areas-error" className="text-danger small mb-0">{errors.needAreas}</p> : null}
      </fieldset>
      <Row>
        <Col xs={12} md={6}>
          <SelectField id="service-kind" label={t('fields.kind')} value={kind} placeholder={t('common:form.choose')} required error={errors.kind}
            options={SERVICE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} onChange={setKind} />
        </Col>
        <Col xs={12} md={6}>
          <SelectField id="service-unit" label={t('fields.unit')} value={unit} placeholder={t('common:form.choose')} required error={errors.unit}
            options={SERVICE_UNITS.map((u) => ({ value: u, label: t(`units.${u}`) }))} onChange={setUnit} />
        </Col>
      </Row>
      <SelectField id="service-siuss" label={t('fields.siussBenefit')} value={siuss} placeholder={t('fields.siussNone')} error={errors.siussBenefitCode}
        options={reference.siussOptions} onChange={setSiuss} />
      <TextAreaField id="service-access-rules" label={t('fields.accessRules')} hint={t('fields.accessRulesHint')} value={rules} onChange={setRules} error={errors.accessRules} maxLength={4000} />
      {service ? <CheckboxField id="service-active" label={t('fields.isActive')} hint={t('fields.isActiveHint')} checked={isActive} onChange={setActive} /> : null}
      <Button color="primary" type="submit" disabled={busy} className="mt-3" testId="service-save">
        {busy ? t('common:actions.saving') : t('common:actions.save')}
      </Button>
    </form>
  );
}
