import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BreakGlassGrant } from '../../../../src/features/cases/cases.schemas.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { formatDateTime } from '../../platform/format.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { casesApi } from './cases-api.ts';
import { casePath } from './case-format.ts';

/** The manager's view of the emergency accesses ("break the glass") to cases of the territory. */
export function BreakGlassEventsPage() {
  const { t, i18n } = useTranslation('cases');
  const [events, setEvents] = useState<BreakGlassGrant[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  usePageTitle(t('glass.events'));
  useEffect(() => {
    void casesApi.breakGlassEvents().then(setEvents, setFailure);
  }, []);
  return (
    <>
      <h1>{t('glass.events')}</h1>
      <ErrorAlert error={failure} />
      {!events && !failure ? <Loading /> : null}
      {events ? (
        <DataTable caption={t('glass.eventsCaption')} captionHidden testId="glass-events" size="sm">
          <thead>
            <tr>
              {(['when', 'case', 'user', 'reason', 'until'] as const).map((key) => <th key={key} scope="col">{t(`glass.columns.${key}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {events.length === 0 ? <tr><td colSpan={5}>{t('glass.eventsEmpty')}</td></tr> : null}
            {events.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.grantedAt, i18n.language)}</td>
                <td><Link to={casePath(e.caseId)}>{e.reference}</Link></td>
                <td>{e.user.displayName}</td>
                <td>{e.reason}</td>
                <td>{formatDateTime(e.expiresAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </>
  );
}
