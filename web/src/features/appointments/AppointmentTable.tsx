import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Appointment } from '../../../../src/features/appointments/appointments.schemas.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { formatRange } from './appointment-format.ts';

type Column = 'person' | 'worker' | 'room';

type Props = {
  caption: string;
  appointments: readonly Appointment[];
  /** Columns to leave out (e.g. the person on the person's own page). */
  hide?: readonly Column[];
  testId?: string;
};

/** Appointments in a captioned table, each with a link to its page (where its status is changed). */
export function AppointmentTable({ caption, appointments, hide = [], testId }: Props) {
  const { t, i18n } = useTranslation('appointments');
  const show = (column: Column) => !hide.includes(column);
  if (appointments.length === 0) {
    return (
      <p data-testid={testId ? `${testId}-empty` : undefined}>
        <span className="fw-semibold">{caption}:</span> {t('table.empty')}
      </p>
    );
  }
  return (
    <DataTable caption={caption} size="sm" testId={testId}>
      <thead>
        <tr>
          <th scope="col">{t('table.when')}</th>
          {show('person') ? <th scope="col">{t('table.person')}</th> : null}
          {show('worker') ? <th scope="col">{t('table.worker')}</th> : null}
          <th scope="col">{t('table.kind')}</th>
          {show('room') ? <th scope="col">{t('table.room')}</th> : null}
          <th scope="col">{t('table.status')}</th>
          <th scope="col"><span className="visually-hidden">{t('table.open')}</span></th>
        </tr>
      </thead>
      <tbody>
        {appointments.map((a) => {
          const when = formatRange(a.startsAt, a.endsAt, i18n.language);
          return (
            <tr key={a.id} data-testid="appointment-row">
              <td>{when}</td>
              {show('person') ? <td>{a.personName}</td> : null}
              {show('worker') ? <td>{a.workerName}</td> : null}
              <td>{t(`kinds.${a.kind}`)}</td>
              {show('room') ? (
                <td>
                  {a.roomName ? `${a.roomName}${a.officeName ? ` — ${a.officeName}` : ''}` : t('table.noRoom')}
                  {a.roomProtected ? <span className="badge bg-primary ms-1">{t('table.protected')}</span> : null}
                </td>
              ) : null}
              <td>{t(`statuses.${a.status}`)}</td>
              <td>
                <Link to={`/appointments/${encodeURIComponent(a.id)}`} aria-label={t('table.openLabel', { when })}>
                  {t('table.open')}
                </Link>
              </td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
