import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MeetingSummary } from '../../../../src/features/assessments/meetings.schemas.ts';
import type { CaseDetail } from '../../../../src/features/cases/cases.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { formatDateTime } from '../../platform/format.ts';
import { meetingsApi } from './assessments-api.ts';
import { meetingPath } from './paths.ts';

/** The case section "UVM": the assessment meetings of the case, newest first. */
export function MeetingsSection({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation('assessments');
  const me = useMe();
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    void meetingsApi.list(detail.id).then(setMeetings, setFailure);
  }, [detail.id]);
  return (
    <section aria-labelledby="meetings-section-title" className="mb-4" data-testid="meetings-section">
      <h2 id="meetings-section-title" className="h4">{t('meetings.title')}</h2>
      <ErrorAlert error={failure} />
      {!meetings && !failure ? <Loading /> : null}
      {meetings?.length === 0 ? <p>{t('meetings.none')}</p> : null}
      {meetings && meetings.length > 0 ? (
        <ul className="list-unstyled" data-testid="meeting-list">
          {meetings.map((m) => (
            <li key={m.id} className="mb-1">
              <Link to={meetingPath(detail.id, m.id)}>{t('meetings.open', { date: formatDateTime(m.heldAt, i18n.language) })}</Link> · {m.place} · <span className="text-muted">{m.question.slice(0, 120)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {can(me, permissions.caseWrite) && detail.status !== 'closed' ? (
        <Link className="btn btn-secondary" to={meetingPath(detail.id)} data-testid="meeting-new">{t('meetings.new')}</Link>
      ) : null}
    </section>
  );
}
