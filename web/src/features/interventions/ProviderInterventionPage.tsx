import { Alert, Button } from 'design-react-kit';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Delivery, ProviderIntervention } from '../../../../src/features/interventions/interventions.schemas.ts';
import { formatQuantity, parseQuantity } from '../../../../src/features/care-plans/plan-totals.ts';
import { ApiError } from '../../platform/api/api-client.ts';
import { useFormSave } from '../../platform/api/use-form-save.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { formatDate } from '../../platform/format.ts';
import { dayInRome } from '../../../../src/platform/time/rome.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { interventionsApi } from './interventions-api.ts';
import { DeliveriesTable, MonthsTable, useQuantity } from './InterventionTables.tsx';

type Form = { deliveredOn: string; quantity: string; personAbsent: boolean; staff: string; notes: string };
const emptyForm = (): Form => ({ deliveredOn: dayInRome(), quantity: '', personAbsent: false, staff: '', notes: '' });

/** One intervention in the provider portal: what the plan shares with the provider, planned vs delivered, the deliveries and the form to record one. */
export function ProviderInterventionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(['interventions', 'carePlans', 'catalogue', 'common']);
  const quantity = useQuantity();
  const [data, setData] = useState<ProviderIntervention | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [form, setForm] = useState<Form>(emptyForm);
  const [editing, setEditing] = useState<Delivery | null>(null);
  const [notice, setNotice] = useState('');
  const { errors, failure: saveFailure, save, showErrors } = useFormSave();
  const [saving, setSaving] = useState(false);
  const dateRef = useRef<HTMLDivElement>(null);
  usePageTitle(data ? `${data.personName} · ${data.serviceName}` : t('portal.title'));
  useEffect(() => {
    void interventionsApi.one(id).then(setData, setFailure);
  }, [id]);

  const change = (patch: Partial<Form>) => { setForm((f) => ({ ...f, ...patch })); };
  const startCorrection = (d: Delivery) => {
    setEditing(d);
    setNotice('');
    setForm({ deliveredOn: d.deliveredOn, quantity: d.personAbsent ? '' : formatQuantity(d.quantityHundredths, i18n.language), personAbsent: d.personAbsent, staff: d.staff, notes: d.notes });
    dateRef.current?.querySelector('input')?.focus();
  };
  const stopCorrection = () => { setEditing(null); setForm(emptyForm()); };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const hundredths = form.personAbsent ? 0 : parseQuantity(form.quantity);
    if (hundredths === null) {
      showErrors({ quantityHundredths: t('form.quantityInvalid') });
      return;
    }
    setSaving(true);
    void save(async () => {
      const body = { deliveredOn: form.deliveredOn, quantityHundredths: hundredths, personAbsent: form.personAbsent, staff: form.staff, notes: form.notes };
      try {
        if (editing) await interventionsApi.correct(id, editing.id, { ...body, version: editing.version });
        else await interventionsApi.record(id, body);
        setData(await interventionsApi.one(id));
        setNotice(editing ? t('form.corrected') : t('form.recorded'));
        setEditing(null);
        setForm(emptyForm());
      } catch (error) {
        // A stale correction: show what is there now, keep what was typed.
        if (error instanceof ApiError && error.status === 412) void interventionsApi.one(id).then(setData, setFailure);
        throw error;
      } finally {
        setSaving(false);
      }
    });
  };

  if (failure) return <ErrorAlert error={failure} />;
  if (!data) return <Loading />;
  const unit = t(`catalogue:units.${data.unit}`);
  return (
    <>
      <p><Link to="/provider">{t('portal.back')}</Link></p>
      <h1 data-testid="provider-intervention-title">{data.personName}</h1>
      <p className="lead">
        {data.serviceName} · {data.municipalityName} · {t('fields.periodValue', { from: formatDate(data.startDate, i18n.language), to: formatDate(data.endDate, i18n.language) })}
      </p>
      <p>{t('fields.planned')}: {quantity(data.quantityHundredths, data.unit)} {t(`carePlans:frequency.${data.frequency}`)}</p>

      <section aria-labelledby="shared-title" className="mb-4" data-testid="provider-shared">
        <h2 id="shared-title" className="h4">{t('shared.title')}</h2>
        <p>{t('shared.about')}</p>
        <h3 className="h5">{t('shared.objectives')}</h3>
        {data.shared.objectives.length === 0 ? <p>{t('shared.none')}</p> : <ul>{data.shared.objectives.map((o, n) => <li key={n}>{o.description}</li>)}</ul>}
        <h3 className="h5">{t('shared.supports')}</h3>
        {data.shared.supports.length === 0 ? (
          <p>{t('shared.none')}</p>
        ) : (
          <ul>
            {data.shared.supports.map((s, n) => (
              <li key={n}>
                {s.serviceName}: {quantity(s.quantityHundredths, s.unit)} {t(`carePlans:frequency.${s.frequency}`)}
                {s.notes ? ` — ${s.notes}` : ''}
              </li>
            ))}
          </ul>
        )}
        <h3 className="h5">{t('shared.tasks')}</h3>
        {data.shared.tasks.length === 0 ? <p>{t('shared.none')}</p> : <ul>{data.shared.tasks.map((x, n) => <li key={n}><strong>{x.who}</strong>: {x.task}</li>)}</ul>}
      </section>

      <section aria-labelledby="delivery-form-title" className="mb-4">
        <h2 id="delivery-form-title" className="h4">{editing ? t('form.correctTitle', { date: formatDate(editing.deliveredOn, i18n.language) }) : t('form.title')}</h2>
        <div aria-live="polite">{notice ? <Alert color="success" fade={false} testId="delivery-notice">{notice}</Alert> : null}</div>
        <ErrorAlert error={saveFailure} testId="delivery-error" />
        <form onSubmit={submit} noValidate data-testid="delivery-form">
          <div className="row">
            <div className="col-md-4" ref={dateRef}>
              <TextField id="delivery-date" type="date" label={t('form.date')} required value={form.deliveredOn} onChange={(deliveredOn) => { change({ deliveredOn }); }} error={errors.deliveredOn} />
            </div>
            <TextField
              id="delivery-quantity"
              className="col-md-4"
              label={t('form.quantity', { unit })}
              hint={t('form.quantityHint')}
              required={!form.personAbsent}
              disabled={form.personAbsent}
              value={form.personAbsent ? '' : form.quantity}
              onChange={(q) => { change({ quantity: q }); }}
              error={errors.quantityHundredths}
            />
            <div className="col-md-4 pt-md-4">
              <CheckboxField id="delivery-absent" label={t('form.absent')} hint={t('form.absentHint')} checked={form.personAbsent} onChange={(personAbsent) => { change({ personAbsent }); }} error={errors.personAbsent} />
            </div>
          </div>
          <TextField id="delivery-staff" label={t('form.staff')} hint={t('form.staffHint')} value={form.staff} onChange={(staff) => { change({ staff }); }} error={errors.staff} maxLength={500} />
          <TextAreaField id="delivery-notes" label={t('form.notes')} value={form.notes} onChange={(notes) => { change({ notes }); }} error={errors.notes} maxLength={2000} />
          <Button color="primary" type="submit" disabled={saving} testId="delivery-save">{editing ? t('form.saveCorrection') : t('form.save')}</Button>{' '}
          {editing ? <Button color="secondary" outline type="button" onClick={stopCorrection} testId="delivery-cancel">{t('common:actions.cancel')}</Button> : null}
        </form>
      </section>

      <section aria-labelledby="balance-title" className="mb-4">
        <h2 id="balance-title" className="h4">{t('months.title')}</h2>
        <MonthsTable months={data.months} unit={data.unit} caption={t('months.caption', { service: data.serviceName })} testId="provider-months" />
      </section>
      <section aria-labelledby="deliveries-title" className="mb-4">
        <h2 id="deliveries-title" className="h4">{t('deliveries.title')}</h2>
        <DeliveriesTable
          deliveries={data.deliveries}
          unit={data.unit}
          caption={t('deliveries.caption', { service: data.serviceName })}
          testId="provider-deliveries"
          action={(d) => (d.editable ? <Button color="secondary" outline size="xs" type="button" onClick={() => { startCorrection(d); }}>{t('deliveries.correct', { date: formatDate(d.deliveredOn, i18n.language) })}</Button> : null)}
        />
      </section>
    </>
  );
}
