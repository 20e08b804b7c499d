import { Alert, Button } from 'design-react-kit';
import { Fragment, useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { Appointment } from '../../../../src/features/appointments/appointments.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { formatRange } from './appointment-format.ts';
import { appointmentsApi } from './appointments-api.ts';
import { clock } from '../../../../src/platform/time/clock.ts';

/** One appointment, with the actions that close it: held, no-show, cancelled (with a reason). */
export function AppointmentPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('appointments');
  const me = useMe();
  const location = useLocation();
  const booked = (location.state as { notice?: string } | null)?.notice === 'booked';
  const [appointment, setAppointment] = useState<Appointment | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const [updated, setUpdated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('detail.title'));

  useEffect(() => {
    void appointmentsApi.get(id).then(setAppointment, setFailure);
  }, [id]);

  const change = async (status: 'held' | 'no_show' | 'cancelled') => {
    if (!appointment) return;
    setBusy(true);
    setFailure(null);
    try {
      const next = await appointmentsApi.changeStatus(appointment.id, { status, version: appointment.version, reason: status === 'cancelled' ? reason : null });
      setAppointment(next);
      setCancelling(false);
      setUpdated(t(`statuses.${next.status}`));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const confirmCancel = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void change('cancelled');
  };

  const a = appointment;
  const rows: [string, string | null][] = a
    ? [
        [t('detail.when'), formatRange(a.startsAt, a.endsAt, i18n.language)],
        [t('detail.kind'), t(`kinds.${a.kind}`)],
        [t('detail.worker'), a.workerName],
        [t('detail.room'), a.roomName ? `${a.roomName}${a.officeName ? ` — ${a.officeName}` : ''}${a.roomProtected ? ` (${t('table.protected')})` : ''}` : t('table.noRoom')],
        [t('detail.colleague'), a.colleagueOnCallName],
        [t('detail.status'), t(`statuses.${a.status}`)],
        [t('detail.cancelReason'), a.cancelReason],
        [t('detail.notes'), a.notes],
      ]
    : [];
  const mayWrite = can(me, permissions.appointmentWrite) && a?.status === 'scheduled';
  const started = a ? Date.parse(a.startsAt) <= clock.nowMs() : false;

  return (
    <>
      <p className="mb-1">
        <Link to="/appointments">{t('detail.toCalendar')}</Link>
      </p>
      <h1>{a ? `${t('detail.title')}: ${a.personName}` : t('detail.title')}</h1>
      <div aria-live="polite">
        {booked && !updated ? <Alert color="success" fade={false} testId="appointment-booked">{t('booking.booked')}</Alert> : null}
        {updated ? <Alert color="success" fade={false} testId="appointment-updated">{t('detail.updated', { status: updated })}</Alert> : null}
      </div>
      <ErrorAlert error={failure} testId="appointment-error" />
      {!a && !failure ? <Loading /> : null}
      {a ? (
        <>
          <dl className="row" data-testid="appointment-detail">
            <dt className="col-sm-3">{t('detail.person')}</dt>
            <dd className="col-sm-9">
              <Link to={`/registry/persons/${encodeURIComponent(a.personId)}`}>{a.personName}</Link>
            </dd>
            {rows.filter(([, value]) => value).map(([label, value]) => (
              <Fragment key={label}>
                <dt className="col-sm-3">{label}</dt>
                <dd className="col-sm-9">{value}</dd>
              </Fragment>
            ))}
            {a.intakeItemId ? <dd className="col-sm-12">{t('detail.referral')}</dd> : null}
          </dl>
          {mayWrite ? (
            <section aria-labelledby="appointment-actions-title">
              <h2 id="appointment-actions-title" className="h5">{t('detail.actions')}</h2>
              <div className="d-flex flex-wrap gap-2 mb-3">
                {started ? (
                  <>
                    <Button color="primary" disabled={busy} onClick={() => void change('held')} testId="appointment-held">{t('detail.markHeld')}</Button>
                    <Button color="secondary" outline disabled={busy} onClick={() => void change('no_show')} testId="appointment-no-show">{t('detail.markNoShow')}</Button>
                  </>
                ) : null}
                <Button color="danger" outline disabled={busy} aria-expanded={cancelling} onClick={() => { setCancelling((v) => !v); }} testId="appointment-cancel">{t('detail.cancel')}</Button>
              </div>
              {cancelling ? (
                <form onSubmit={confirmCancel} noValidate data-testid="appointment-cancel-form">
                  <TextField id="appointment-cancel-reason" label={t('detail.reason')} value={reason} onChange={setReason} required maxLength={500} />
                  <Button color="danger" type="submit" disabled={busy} testId="appointment-cancel-confirm">{t('detail.confirmCancel')}</Button>
                </form>
              ) : null}
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
