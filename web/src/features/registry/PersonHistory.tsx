import { useTranslation } from 'react-i18next';
import { DataTable } from '../../platform/components/DataTable.tsx';
import type { PersonHistoryEntry } from '../../../../src/features/registry/registry.schemas.ts';
import { formatDate, formatDateTime } from '../../platform/format.ts';

const knownFields = [
  'familyName', 'givenName', 'sex', 'birthDate', 'birthPlace', 'birthPlaceCode', 'fiscalCode', 'citizenship',
  'residence', 'domicile', 'phone', 'email', 'preferredLanguage', 'municipality', 'municipalityCode', 'area', 'areaId',
] as const;
type KnownField = (typeof knownFields)[number];

/** Bookkeeping columns the server may list on creation: not something the reader changed. */
const hiddenFields = new Set(['id', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy']);

function isKnown(field: string): field is KnownField {
  return (knownFields as readonly string[]).includes(field);
}

/** Values in the history are whatever the server stored: strings, dates, address objects, null. */
function display(value: unknown, language: string, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, language) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && 'address' in value) {
    const a = value as { address?: string; postalCode?: string | null; municipalityName?: string; municipalityCode?: string };
    return [a.address, [a.postalCode, a.municipalityName ?? a.municipalityCode].filter(Boolean).join(' ')]
      .filter(Boolean)
      .join(', ');
  }
  return JSON.stringify(value);
}

export function PersonHistory({ entries }: { entries: readonly PersonHistoryEntry[] }) {
  const { t, i18n } = useTranslation(['registry', 'common']);
  const empty = t('common:values.empty');
  const label = (field: string) => (isKnown(field) ? t(`historyFields.${field}`) : field);
  const value = (field: string, raw: unknown) =>
    field === 'sex' && (raw === 'M' || raw === 'F') ? t(`common:values.sex.${raw}`) : display(raw, i18n.language, empty);
  return (
    <DataTable caption={t('history.caption')} size="sm" testId="person-history">
      <thead>
        <tr>
          <th scope="col">{t('history.version')}</th>
          <th scope="col">{t('history.when')}</th>
          <th scope="col">{t('history.who')}</th>
          <th scope="col">{t('history.changes')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.length === 0 ? (
          <tr>
            <td colSpan={4}>{t('history.empty')}</td>
          </tr>
        ) : null}
        {entries.map((entry) => (
          <tr key={entry.version}>
            <td>{entry.version}</td>
            <td>{formatDateTime(entry.changedAt, i18n.language)}</td>
            <td>{entry.changedBy}</td>
            <td>
              {entry.changes.some((c) => !hiddenFields.has(c.field)) ? (
                <ul className="mb-0 ps-3">
                  {entry.changes.filter((c) => !hiddenFields.has(c.field)).map((change) => (
                    <li key={change.field}>
                      {t('history.change', {
                        field: label(change.field),
                        from: value(change.field, change.from),
                        to: value(change.field, change.to),
                      })}
                    </li>
                  ))}
                </ul>
              ) : (
                t('history.created')
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
