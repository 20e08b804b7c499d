import { Button, Col, Row } from 'design-react-kit';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Channel, Outcome, Urgency } from '../../../../src/features/accesses/accesses.codes.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { ErrorSummary } from '../../platform/components/ErrorSummary.tsx';
import { RadioGroup } from '../../platform/components/RadioGroup.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { PersonPicker } from '../registry/PersonPicker.tsx';
import { useMyMunicipalities } from '../territories/use-my-municipalities.ts';
import { FIELD_OF_PATH, toAccessBody, validateAccessForm, type AccessBody, type AccessFormState } from './access-form-model.ts';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { useCodeOptions, useNeedAreas, useServices } from './use-access-options.ts';

type Props = {
  initial: AccessFormState;
  onSubmit: (body: AccessBody) => void;
  busy: boolean;
  serverErrors: Record<string, string>;
  failure: unknown;
  submitLabel: string;
  cancelTo: string;
  /** Editing an access: its persons are linked from the list, not changed here. */
  editing?: boolean;
};

/** Who came and for whom, when and where, the need, the request and the outcome of one access. */
export function AccessForm(props: Props) {
  const { t } = useTranslation(['accesses', 'common']);
  const [form, setForm] = useState(props.initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const summaryRef = useRef<HTMLDivElement>(null);
  const mine = useMyMunicipalities();
  const codes = useCodeOptions();
  const needAreas = useNeedAreas();
  const services = useServices(form.needAreaCode);
  const errors = { ...props.serverErrors, ...clientErrors };
  const set = <K extends keyof AccessFormState>(key: K, value: AccessFormState[K]) => { setForm((current) => ({ ...current, [key]: value })); };

  const onlyOne = mine.options.length === 1 ? mine.options[0]?.value : undefined;
  useEffect(() => {
    if (onlyOne) setForm((current) => (current.municipalityCode ? current : { ...current, municipalityCode: onlyOne }));
  }, [onlyOne]);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateAccessForm(form, (key) => t(`form.${key}`), Boolean(props.editing));
    setClientErrors(found);
    if (Object.keys(found).length) {
      window.setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    props.onSubmit(toAccessBody(form));
  };

  const summary = Object.entries(errors).map(([path, message]) => {
    const [fieldId, label] = FIELD_OF_PATH[path] ?? ['access-request', 'other'];
    return { key: path, fieldId, label: t(`fields.${label}`), message };
  });
  const takesService = form.outcome === 'orientation' || form.outcome === 'application_help';

  return (
    <form onSubmit={submit} noValidate data-testid="access-form">
      <ErrorSummary ref={summaryRef} items={summary} />
      <ErrorAlert error={props.failure} testId="access-save-error" />
      <fieldset className="mb-4">
        <legend className="h5">{t('form.personsTitle')}</legend>
        {!props.editing ? (
          <CheckboxField id="access-anonymous" label={t('fields.anonymous')} hint={t('fields.anonymousHint')} checked={form.anonymous} onChange={(value) => { set('anonymous', value); }} />
        ) : null}
        {!form.anonymous && !props.editing ? (
          <Row>
            <Col xs={12} md={6}>
              <PersonPicker id="access-beneficiary" label={t('fields.beneficiary')} hint={t('fields.beneficiaryHint')} required selected={form.beneficiary} onSelect={(option) => { set('beneficiary', option); }} error={errors['persons.0.personId']} />
            </Col>
            <Col xs={12} md={6}>
              <CheckboxField id="access-requester-differs" label={t('fields.requesterDiffers')} checked={form.requesterDiffers} onChange={(value) => { set('requesterDiffers', value); }} />
              {form.requesterDiffers ? (
                <PersonPicker id="access-requester" label={t('fields.requester')} required selected={form.requester} onSelect={(option) => { set('requester', option); }} error={errors['persons.1.personId']} />
              ) : null}
            </Col>
          </Row>
        ) : null}
        {form.anonymous || props.editing ? (
          <TextField id="access-anonymous-description" label={t('fields.anonymousDescription')} hint={t('fields.anonymousDescriptionHint')} required={form.anonymous} value={form.anonymousDescription} onChange={(value) => { set('anonymousDescription', value); }} error={errors.anonymousDescription} maxLength={500} />
        ) : null}
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h5">{t('form.contactTitle')}</legend>
        <Row>
          <Col xs={6} md={3}>
            <TextField id="access-date" type="date" label={t('fields.date')} required value={form.date} onChange={(value) => { set('date', value); }} error={errors.occurredAt} />
          </Col>
          <Col xs={6} md={3}>
            <TextField id="access-time" type="time" label={t('fields.time')} required value={form.time} onChange={(value) => { set('time', value); }} />
          </Col>
          <Col xs={12} md={6}>
            <SelectField id="access-municipality" label={t('fields.municipality')} hint={t('fields.municipalityHint')} required value={form.municipalityCode} options={mine.options} placeholder={t('common:form.choose')} onChange={(value) => { set('municipalityCode', value); }} error={errors.municipalityCode} />
          </Col>
        </Row>
        <RadioGroup id="access-channel" legend={t('fields.channel')} value={form.channel} options={codes.channels} onChange={(value) => { set('channel', value as Channel); }} />
        <SelectField id="access-need-area" label={t('fields.needArea')} required value={form.needAreaCode} options={needAreas.options} placeholder={t('common:form.choose')} onChange={(value) => { set('needAreaCode', value); }} error={errors.needAreaCode} />
        <TextAreaField id="access-request" label={t('fields.request')} hint={t('fields.requestHint')} required value={form.request} onChange={(value) => { set('request', value); }} error={errors.request} maxLength={4000} rows={4} />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h5">{t('form.outcomeTitle')}</legend>
        <RadioGroup id="access-outcome" legend={t('fields.outcome')} inline={false} value={form.outcome} options={codes.outcomes} onChange={(value) => { set('outcome', value as Outcome); }} />
        {takesService ? (
          <SelectField id="access-service" label={t('fields.service')} hint={services.length ? t('fields.serviceHint') : t('fields.noServices')} required={form.outcome === 'orientation'} value={form.outcomeServiceId} options={services.map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }))} placeholder={t('common:form.none')} onChange={(value) => { set('outcomeServiceId', value); }} error={errors.outcomeServiceId} />
        ) : null}
        {form.outcome === 'referral' ? (
          <>
            <RadioGroup id="access-urgency" legend={t('fields.urgency')} value={form.referralUrgency} options={codes.urgencies} onChange={(value) => { set('referralUrgency', value as Urgency); }} />
            {errors.referralUrgency ? <div className="invalid-feedback d-block" data-testid="access-urgency-error">{errors.referralUrgency}</div> : null}
          </>
        ) : null}
        <TextAreaField id="access-notes" label={t('fields.outcomeNotes')} value={form.outcomeNotes} onChange={(value) => { set('outcomeNotes', value); }} error={errors.outcomeNotes} maxLength={2000} rows={2} />
      </fieldset>
      <div className="d-flex gap-2">
        <Button color="primary" type="submit" disabled={props.busy} testId="access-submit">
          {props.busy ? t('common:actions.saving') : props.submitLabel}
        </Button>
        <Link to={props.cancelTo} className="btn btn-outline-secondary">{t('common:actions.cancel')}</Link>
      </div>
    </form>
  );
}
