import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Meeting } from '../../../../src/features/assessments/meetings.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { formatDate, formatDateTime } from '../../platform/format.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { meetingsApi } from './assessments-api.ts';
import { assessmentPath, casePath, meetingPath } from './paths.ts';

/** A UVM meeting: participants, question, decisions, follow-ups, the link to its minutes PDF and its previous versions. */
export function MeetingViewPage() {
  const { id: caseId = '', meetingId = '' } = useParams();
  const { t, i18n } = useTranslation('assessments');
  const me = useMe();
  const [m, setM] = useState<Meeting | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const title = m ? t('meetings.viewTitle', { date: formatDateTime(m.heldAt, i18n.language) }) : t('meetings.title');
  usePageTitle(title);
  useEffect(() => {
    void meetingsApi.get(caseId, meetingId).then(setM, setFailure);
  }, [caseId, meetingId]);
  if (failure) return <ErrorAlert error={failure} />;
  if (!m) return <Loading />;
  return (
    <>
      <h1 data-testid="meeting-title">{title}</h1>
      <p><Link to={casePath(caseId)}>{t('edit.back')}</Link></p>
      <div className="d-flex flex-wrap gap-2 mb-3">
        <a className="btn btn-primary" href={meetingsApi.minutesUrl(caseId, m.id)} target="_blank" rel="noopener" data-testid="meeting-pdf">{t('meetings.pdf')}</a>
        {can(me, permissions.caseWrite) ? <Link className="btn btn-secondary" to={meetingPath(caseId, m.id, true)} data-testid="meeting-edit">{t('meetings.edit')}</Link> : null}
      </div>
      <p><strong>{t('meetings.place')}:</strong> {m.place}</p>
      {m.assessmentId && m.assessmentNumber ? (
        <p><strong>{t('meetings.assessment')}:</strong> <Link to={assessmentPath(caseId, m.assessmentId)}>{t('section.version', { number: m.assessmentNumber })}</Link></p>
      ) : null}
      <h2 className="h4">{t('meetings.participants')}</h2>
      <ul data-testid="meeting-view-participants">
        {m.participants.map((p, index) => (
          <li key={index}>
            {p.name}{p.role ? `, ${p.role}` : ''}{p.kind === 'external' ? ` — ${p.body}` : ''}{p.present ? '' : ` (${t('meetings.absent')})`}
          </li>
        ))}
      </ul>
      <h2 className="h4">{t('meetings.question')}</h2>
      <p style={{ whiteSpace: 'pre-wrap' }} data-testid="meeting-question">{m.question}</p>
      <h2 className="h4">{t('meetings.decisions')}</h2>
      <p style={{ whiteSpace: 'pre-wrap' }} data-testid="meeting-decisions">{m.decisions || t('view.empty')}</p>
      {m.followUps.length > 0 ? (
        <>
          <h2 className="h4">{t('meetings.followUps')}</h2>
          <ul>
            {m.followUps.map((f, index) => (
              <li key={index}>{f.action}{f.who ? ` — ${f.who}` : ''}{f.dueOn ? ` · ${t('meetings.dueOn')} ${formatDate(f.dueOn, i18n.language)}` : ''} · {f.done ? t('meetings.doneLabel') : t('meetings.todo')}</li>
            ))}
          </ul>
        </>
      ) : null}
      {m.revisions.length > 0 ? (
        <details className="mt-4">
          <summary>{t('meetings.versions', { count: m.revisions.length })}</summary>
          <ul>
            {m.revisions.map((r) => (
              <li key={r.version}>
                {t('meetings.revision', { version: r.version, date: formatDateTime(r.savedAt, i18n.language), name: r.savedBy.displayName })}: {r.content.place} · {r.content.decisions || t('view.empty')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
