import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AdminLogEntry } from '../../../../src/features/admin-log/admin-log.schemas.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { formatDateTime } from '../../platform/format.ts';

type Props = {
  entries: readonly AdminLogEntry[];
  caption: string;
  /** Turns authors and items into filter links. */
  filterLink: (filter: { actorId?: string; entityType?: string; entityId?: string }) => string;
};

const MAX_VALUE = 120;

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

/** The fields that differ between before and after (every field on a creation or a removal). */
function changedFields(before: unknown, after: unknown): { key: string; before: unknown; after: unknown }[] {
  const asRecord = (value: unknown): Record<string, unknown> =>
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : value === null || value === undefined ? {} : { value };
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key])).map((key) => ({ key, before: b[key], after: a[key] }));
}

/** Who changed what in the administration, when, and how it was before and after. */
export function AdminLogTable({ entries, caption, filterLink }: Props) {
  const { t, i18n } = useTranslation(['adminLog', 'common']);
  return (
    <DataTable caption={caption} size="sm" testId="admin-log-table">
      <thead>
        <tr>
          <th scope="col">{t('columns.at')}</th>
          <th scope="col">{t('columns.actor')}</th>
          <th scope="col">{t('columns.action')}</th>
          <th scope="col">{t('columns.entity')}</th>
          <th scope="col">{t('columns.changes')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.length === 0 ? (
          <tr>
            <td colSpan={5}>{t('empty')}</td>
          </tr>
        ) : null}
        {entries.map((entry) => {
          const fields = changedFields(entry.before, entry.after);
          return (
            <tr key={entry.id}>
              <td>{formatDateTime(entry.at, i18n.language)}</td>
              <td>{entry.actorId ? <Link to={filterLink({ actorId: entry.actorId })}>{entry.actorDisplayName ?? entry.actorId}</Link> : t('commandLine')}</td>
              <td>{t(`actions.${entry.action}`)}</td>
              <td>
                <Link to={filterLink({ entityType: entry.entityType, entityId: entry.entityId })}>{t(`entities.${entry.entityType}`)}</Link>
                <br />
                <span className="small text-muted">{entry.municipalityCodes ? entry.municipalityCodes.join(', ') : t('wholeInstallation')}</span>
              </td>
              <td>
                {fields.length === 0 ? (
                  t('noDetails')
                ) : (
                  <ul className="list-unstyled mb-0 small">
                    {fields.map((field) => (
                      <li key={field.key}>
                        <code>{field.key}</code>: {show(field.before)} → {show(field.after)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
