import { Button, Col, Row } from 'design-react-kit';
import { useEffect, useRef, useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { FiscalCodeCheck } from '../../../../src/features/registry/registry.schemas.ts';
import { dayInRome } from '../../../../src/platform/time/rome.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { ErrorSummary } from '../../platform/components/ErrorSummary.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { useMyMunicipalities } from '../territories/use-my-municipalities.ts';
import { AddressFields } from './AddressFields.tsx';
import { BirthPlaceField } from './BirthPlaceField.tsx';
import { FiscalCodePanel } from './FiscalCodePanel.tsx';
import { personSummaryItems } from './person-field-ids.ts';
import { toPersonInput, validatePersonForm, type PersonFormState } from './person-form-model.ts';
import type { PersonInputBody } from './registry-api.ts';
import { ServiceFields } from './ServiceFields.tsx';
import { useCitizenshipOptions, useLanguageOptions } from './use-reference-options.ts';
import { usePersonCheck } from './use-person-check.ts';

type Props = {
  initial: PersonFormState;
  onSubmit: (input: PersonInputBody) => void;
  busy: boolean;
  serverErrors: Record<string, string>;
  failure: unknown;
  submitLabel: string;
  cancelTo: string;
  /** The person being edited: excluded from its own duplicates. */
  personId?: string;
  /** Rendered above the buttons (e.g. the duplicate confirmation). */
  children?: ReactNode;
};


/** Every PersonInput field, with live fiscal-code and duplicate check; shared by "new" and "edit". */
export function PersonForm(props: Props) {
  const { t, i18n } = useTranslation(['registry', 'common']);
  const [form, setForm] = useState(props.initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const summaryRef = useRef<HTMLDivElement>(null);
  const mine = useMyMunicipalities();
  const fallback = mine.options[0] ?? null;
  const check = usePersonCheck(form.municipality ? form : { ...form, municipality: fallback }, props.personId);
  const citizenships = useCitizenshipOptions(i18n.language);
  const languages = useLanguageOptions(i18n.language);
  const errors = { ...props.serverErrors, ...clientErrors };

  const set = <K extends keyof PersonFormState>(key: K, value: PersonFormState[K]) => { setForm((current) => ({ ...current, [key]: value })); };

  // A single covered municipality is the obvious default for a new person.
  const onlyOne = !props.personId && mine.options.length === 1 ? fallback : null;
  useEffect(() => {
    if (onlyOne) setForm((current) => (current.municipality ? current : { ...current, municipality: onlyOne }));
  }, [onlyOne]);

  const languageOptions = languages.some((l) => l.value === form.preferredLanguage)
    ? languages
    : [...languages, { value: form.preferredLanguage, label: form.preferredLanguage }];

  const useDecoded = (decoded: NonNullable<FiscalCodeCheck['decoded']>) => { setForm((current) => ({
      ...current,
      sex: decoded.sex,
      birthDate: decoded.birthDate,
      birthPlaceKind: decoded.birthPlaceCode.startsWith('Z') ? 'abroad' : 'italy',
      birthPlace: { value: decoded.birthPlaceCode, label: decoded.birthPlaceName ?? decoded.birthPlaceCode },
    })); };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validatePersonForm(form, dayInRome());
    const messages = Object.fromEntries(Object.entries(found).map(([key, message]) => [key, t(message)]));
    setClientErrors(messages);
    if (Object.keys(messages).length) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    props.onSubmit(toPersonInput(form));
  };

  return (
    <form onSubmit={submit} noValidate data-testid="person-form">
      <ErrorSummary ref={summaryRef} items={personSummaryItems(errors, t)} />
      <ErrorAlert error={props.failure} testId="person-form-error" />
      <fieldset className="mb-3">
        <legend className="h5">{t('form.identitySection')}</legend>
        <Row>
          <Col xs={12} md={6}>
            <TextField id="person-family-name" label={t('fields.familyName')} value={form.familyName}
              onChange={(v) => { set('familyName', v); }} error={errors.familyName} required maxLength={100} autoComplete="off" />
          </Col>
          <Col xs={12} md={6}>
            <TextField id="person-given-name" label={t('fields.givenName')} value={form.givenName}
              onChange={(v) => { set('givenName', v); }} error={errors.givenName} required maxLength={100} autoComplete="off" />
          </Col>
          <Col xs={12} md={6}>
            <TextField id="person-fiscal-code" label={t('fields.fiscalCode')} value={form.fiscalCode}
              onChange={(v) => { set('fiscalCode', v.toUpperCase()); }} error={errors.fiscalCode}
              hint={t('form.fiscalCodeHint')} maxLength={16} autoComplete="off" spellCheck={false}
              autoCapitalize="characters" inputClassName="fiscal-code" />
          </Col>
          <Col xs={12} md={3}>
            <SelectField id="person-sex" label={t('fields.sex')} value={form.sex} placeholder={t('common:form.none')}
              options={[{ value: 'M', label: t('common:values.sex.M') }, { value: 'F', label: t('common:values.sex.F') }]}
              onChange={(v) => { set('sex', v === 'M' || v === 'F' ? v : ''); }} error={errors.sex} />
          </Col>
          <Col xs={12} md={3}>
            <TextField id="person-birth-date" type="date" label={t('fields.birthDate')} value={form.birthDate}
              onChange={(v) => { set('birthDate', v); }} error={errors.birthDate} />
          </Col>
        </Row>
        <BirthPlaceField
          kind={form.birthPlaceKind}
          value={form.birthPlace}
          onChange={(kind, place) => { setForm((current) => ({ ...current, birthPlaceKind: kind, birthPlace: place })); }}
          error={errors.birthPlaceCode}
        />
        <FiscalCodePanel check={check} onUseDecoded={useDecoded} />
        <Row>
          <Col xs={12} md={6}>
            <SelectField id="person-citizenship" label={t('fields.citizenship')} value={form.citizenship}
              placeholder={t('common:form.none')} options={citizenships} onChange={(v) => { set('citizenship', v); }}
              error={errors.citizenship} />
          </Col>
        </Row>
      </fieldset>
      <ServiceFields
        municipality={form.municipality}
        areaId={form.areaId}
        onChange={(municipality, areaId) => { setForm((current) => ({ ...current, municipality, areaId })); }}
        errors={errors}
      />
      <AddressFields kind="residence" value={form.residence} onChange={(v) => { set('residence', v); }} errors={errors} />
      <AddressFields kind="domicile" value={form.domicile} onChange={(v) => { set('domicile', v); }} errors={errors} />
      <fieldset className="mb-3">
        <legend className="h5">{t('form.contactsSection')}</legend>
        <Row>
          <Col xs={12} md={4}>
            <TextField id="person-phone" type="tel" label={t('fields.phone')} value={form.phone}
              onChange={(v) => { set('phone', v); }} error={errors.phone} autoComplete="off" maxLength={20} />
          </Col>
          <Col xs={12} md={4}>
            <TextField id="person-email" type="email" label={t('fields.email')} value={form.email}
              onChange={(v) => { set('email', v); }} error={errors.email} autoComplete="off" maxLength={200} />
          </Col>
          <Col xs={12} md={4}>
            <SelectField id="person-preferred-language" label={t('fields.preferredLanguage')}
              value={form.preferredLanguage} options={languageOptions} onChange={(v) => { set('preferredLanguage', v); }}
              error={errors.preferredLanguage} />
          </Col>
        </Row>
      </fieldset>
      {props.children}
      <div className="d-flex flex-wrap gap-2 mt-3">
        <Button color="primary" type="submit" disabled={props.busy} testId="person-submit">
          {props.busy ? t('common:actions.saving') : props.submitLabel}
        </Button>
        <Link to={props.cancelTo} className="btn btn-outline-primary" data-testid="person-cancel">
          {t('common:actions.cancel')}
        </Link>
      </div>
    </form>
  );
}
