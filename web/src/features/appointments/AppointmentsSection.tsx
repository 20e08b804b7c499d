import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PersonAppointments } from '../../../../src/features/appointments/appointments.schemas.ts';
import type { SafetyFlag } from '../../../../src/features/appointments/rooms.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { appointmentsApi } from './appointments-api.ts';
import { AppointmentTable } from './AppointmentTable.tsx';
import { SafetyFlagPanel } from './SafetyFlagPanel.tsx';

/** The person page's appointments: the staff-safety flag, upcoming and past appointments, and booking. */
export function AppointmentsSection({ personId, purpose }: { personId: string; purpose: string | undefined }) {
  const { t } = useTranslation('appointments');
  const me = useMe();
  const [list, setList] = useState<PersonAppointments | null>(null);
  const [flag, setFlag] = useState<SafetyFlag | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    setFailure(null);
    void appointmentsApi.ofPerson(personId, purpose).then(setList, setFailure);
    void appointmentsApi.safetyFlag(personId, purpose).then(setFlag, setFailure);
  }, [personId, purpose]);

  return (
    <section aria-labelledby="appointments-title" className="mb-4" data-testid="person-appointments">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2">
        <h2 id="appointments-title" className="h4 mb-0">{t('person.title')}</h2>
        {can(me, permissions.appointmentWrite) ? (
          <Link to={`/appointments/new?personId=${encodeURIComponent(personId)}`} className="btn btn-primary btn-sm" data-testid="person-book-appointment">
            {t('person.book')}
          </Link>
        ) : null}
      </div>
      <ErrorAlert error={failure} testId="person-appointments-error" />
      {flag ? <SafetyFlagPanel flag={flag} onChange={setFlag} /> : null}
      {list ? (
        <>
          <AppointmentTable caption={t('person.upcoming')} appointments={list.upcoming} hide={['person']} testId="person-appointments-upcoming" />
          <AppointmentTable caption={t('person.past')} appointments={list.past} hide={['person']} testId="person-appointments-past" />
        </>
      ) : failure ? null : (
        <Loading />
      )}
    </section>
  );
}
