import { useTranslation } from 'react-i18next';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { Link } from 'react-router-dom';
import type { AccessLogEntry } from '../../../../src/platform/audit/access-log.schemas.ts';
import { formatDateTime } from '../../platform/format.ts';

type Props = {
  entries: readonly AccessLogEntry[];
  caption: string;
  /** On a person's page the person column is redundant. */
  showPerson?: boolean;
  /** Turns user and person names into filter links (audit page). */
  filterLink?: (filter: { userId?: string; personId?: string }) => string;
  testId?: string;
};

/** Who looked at personal data (or tried to and was refused), when, what and why. */
export function AccessLogTable({ entries, caption, showPerson = true, filterLink, testId = 'access-log-table' }: Props) {
  const { t, i18n } = useTranslation(['audit', 'common']);
  const role = (code: string) => (code in roleKeys ? t(`common:roles.${code as RoleKey}`) : code);
  return (
    <DataTable caption={caption} size="sm" testId={testId}>
      <thead>
        <tr>
          <th scope="col">{t('columns.at')}</th>
          <th scope="col">{t('columns.user')}</th>
          <th scope="col">{t('columns.action')}</th>
          <th scope="col">{t('columns.outcome')}</th>
          <th scope="col">{t('columns.record')}</th>
          {showPerson ? <th scope="col">{t('columns.person')}</th> : null}
          <th scope="col">{t('columns.purpose')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.length === 0 ? (
          <tr>
            <td colSpan={showPerson ? 7 : 6}>{t('empty')}</td>
          </tr>
        ) : null}
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>{formatDateTime(entry.at, i18n.language)}</td>
            <td>
              {filterLink ? <Link to={filterLink({ userId: entry.userId })}>{entry.userDisplayName}</Link> : entry.userDisplayName}
              <br />
              <span className="small text-muted">{role(entry.role)}</span>
            </td>
            <td>{t(`actions.${entry.action}`)}</td>
            <td>{entry.outcome === 'refused' ? <strong className="text-danger">{t('outcomes.refused')}</strong> : t('outcomes.allowed')}</td>
            <td>{entry.recordType in recordTypeKeys ? t(`recordTypes.${entry.recordType as RecordTypeKey}`) : entry.recordType}</td>
            {showPerson ? (
              <td>
                {entry.personId && entry.personName ? (
                  filterLink ? (
                    <Link to={filterLink({ personId: entry.personId })}>{entry.personName}</Link>
                  ) : (
                    entry.personName
                  )
                ) : (
                  t('common:values.empty')
                )}
              </td>
            ) : null}
            <td>{entry.purpose ?? t('noPurpose')}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

const roleKeys = {
  front_desk: 1, social_worker: 1, service_manager: 1, clerk: 1, provider: 1, official: 1, citizen: 1, admin: 1,
} as const;
type RoleKey = keyof typeof roleKeys;

const recordTypeKeys = { person: 1, person_history: 1 } as const;
type RecordTypeKey = keyof typeof recordTypeKeys;
