import { Button } from 'design-react-kit';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Appointment, StaffMember } from '../../../../src/features/appointments/appointments.schemas.ts';
import type { Office } from '../../../../src/features/appointments/rooms.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { RadioGroup } from '../../platform/components/RadioGroup.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { useMyMunicipalities } from '../territories/use-my-municipalities.ts';
import { formatDay, mondayOf, romeDate, shiftDate } from './appointment-format.ts';
import { appointmentsApi } from './appointments-api.ts';
import { AppointmentTable } from './AppointmentTable.tsx';
import { clock } from '../../../../src/platform/time/clock.ts';

const HOME = '037019';

/** A social worker's (or a room's) appointments, by day or by week; the choices live in the address. */
export function CalendarPage() {
  const { t, i18n } = useTranslation(['appointments', 'common']);
  const me = useMe();
  usePageTitle(t('calendar.title'));
  const [params, setParams] = useSearchParams();
  const { options: municipalities } = useMyMunicipalities();
  const municipality = params.get('municipality') ?? (municipalities.some((m) => m.value === HOME) ? HOME : (municipalities[0]?.value ?? ''));
  const workerId = params.get('workerId') ?? '';
  const roomId = params.get('roomId') ?? '';
  const view = params.get('view') === 'day' ? 'day' : 'week';
  const date = params.get('date') ?? romeDate(clock.now());
  const includeCancelled = params.get('cancelled') === 'true';
  const [workers, setWorkers] = useState<StaffMember[]>([]);
  const [offices, setOffices] = useState<Office[]>([]);
  const [appointments, setAppointments] = useState<Appointment[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  useEffect(() => {
    if (!municipality) return;
    void appointmentsApi.staff(municipality, 'social_worker').then(setWorkers, setFailure);
    void appointmentsApi.offices({ municipalityCode: municipality }).then(setOffices, setFailure);
  }, [municipality]);

  const from = view === 'day' ? date : mondayOf(date);
  const to = view === 'day' ? date : shiftDate(from, 6);
  useEffect(() => {
    setAppointments(null);
    setFailure(null);
    if (!workerId && !roomId) return;
    void appointmentsApi
      .calendar({ workerId: workerId || undefined, roomId: roomId || undefined, from, to, includeCancelled: includeCancelled ? 'true' : undefined })
      .then(setAppointments, setFailure);
  }, [workerId, roomId, from, to, includeCancelled]);

  const days = useMemo(() => Array.from({ length: view === 'day' ? 1 : 7 }, (_, i) => shiftDate(from, i)), [from, view]);
  const rooms = offices.flatMap((office) => office.rooms.map((room) => ({ value: room.id, label: `${room.name} — ${office.name}${room.isProtected ? ` (${t('table.protected')})` : ''}` })));
  const step = view === 'day' ? 1 : 7;

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2">
        <h1>{t('calendar.title')}</h1>
        {can(me, permissions.appointmentWrite) ? (
          <Link to={`/appointments/new${workerId ? `?workerId=${encodeURIComponent(workerId)}` : ''}`} className="btn btn-primary" data-testid="calendar-book">
            {t('calendar.book')}
          </Link>
        ) : null}
      </div>
      <p>{t('calendar.intro')}</p>
      <div className="row">
        <div className="col-12 col-md-4">
          <SelectField id="calendar-municipality" label={t('calendar.municipality')} value={municipality} options={municipalities} onChange={(value) => { set({ municipality: value, workerId: '', roomId: '' }); }} />
        </div>
        <div className="col-12 col-md-4">
          <SelectField id="calendar-worker" label={t('calendar.worker')} value={workerId} options={workers.map((w) => ({ value: w.id, label: w.displayName }))} onChange={(value) => { set({ workerId: value, roomId: '' }); }} placeholder={t('common:form.none')} />
        </div>
        <div className="col-12 col-md-4">
          <SelectField id="calendar-room" label={t('calendar.room')} value={roomId} options={rooms} onChange={(value) => { set({ roomId: value, workerId: '' }); }} placeholder={t('common:form.none')} />
        </div>
        <div className="col-12 col-md-4">
          <TextField id="calendar-date" type="date" label={t('calendar.date')} value={date} onChange={(value) => { if (value) set({ date: value }); }} />
        </div>
        <div className="col-12 col-md-4">
          <RadioGroup id="calendar-view" legend={t('calendar.view')} value={view} options={[{ value: 'day', label: t('calendar.day') }, { value: 'week', label: t('calendar.week') }]} onChange={(value) => { set({ view: value }); }} />
        </div>
        <div className="col-12 col-md-4">
          <CheckboxField id="calendar-cancelled" label={t('calendar.includeCancelled')} checked={includeCancelled} onChange={(checked) => { set({ cancelled: checked ? 'true' : '' }); }} />
        </div>
      </div>
      <div className="d-flex flex-wrap gap-2 mb-3">
        <Button color="primary" outline size="sm" onClick={() => { set({ date: shiftDate(date, -step) }); }} testId="calendar-previous">{t('calendar.previous')}</Button>
        <Button color="primary" outline size="sm" onClick={() => { set({ date: romeDate(clock.now()) }); }} testId="calendar-today">{t('calendar.today')}</Button>
        <Button color="primary" outline size="sm" onClick={() => { set({ date: shiftDate(date, step) }); }} testId="calendar-next">{t('calendar.next')}</Button>
      </div>
      <ErrorAlert error={failure} testId="calendar-error" />
      {!workerId && !roomId ? <p data-testid="calendar-choose">{t('calendar.chooseFirst')}</p> : null}
      {(workerId || roomId) && !appointments && !failure ? <Loading /> : null}
      {appointments ? (
        <div data-testid="calendar">
          {days.map((day) => (
            <AppointmentTable
              key={day}
              caption={formatDay(day, i18n.language)}
              appointments={appointments.filter((a) => romeDate(a.startsAt) === day)}
              hide={workerId ? ['worker'] : []}
              testId={`calendar-day-${day}`}
            />
          ))}
        </div>
      ) : null}
    </>
  );
}
