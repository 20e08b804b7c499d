import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../platform/components/DataTable.tsx';
import type { RegistryStats } from '../../../../src/features/registry/registry.schemas.ts';
import { api } from '../../platform/api/api-client.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { formatNumber } from '../../platform/format.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { BarChart } from './BarChart.tsx';

/** Aggregate registry figures per municipality; counts under the threshold arrive as null and stay hidden. */
export function StatsPage() {
  const { t, i18n } = useTranslation(['reporting', 'common']);
  const [stats, setStats] = useState<RegistryStats | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  usePageTitle(t('title'));

  useEffect(() => {
    void api.get<RegistryStats>('/registry/stats').then(setStats, setFailure);
  }, []);

  const threshold = stats?.suppressionThreshold ?? 5;
  const cell = (value: number | null) =>
    value === null ? (
      <span data-testid="suppressed">
        <span aria-hidden="true">{t('suppressed', { threshold })}</span>
        <span className="visually-hidden">{t('suppressedLong', { threshold })}</span>
      </span>
    ) : (
      formatNumber(value, i18n.language)
    );

  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ErrorAlert error={failure} />
      {!stats && !failure ? <Loading /> : null}
      {stats ? (
        <>
          <p className="callout-inline" data-testid="suppression-note">
            {t('suppressionNote', { threshold })}
          </p>
          <DataTable caption={t('caption')} testId="stats-table">
            <thead>
              <tr>
                <th scope="col">{t('columns.municipality')}</th>
                <th scope="col" className="text-end">{t('columns.persons')}</th>
                <th scope="col" className="text-end">{t('columns.accesses')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.rows.length === 0 ? (
                <tr>
                  <td colSpan={3}>{t('empty')}</td>
                </tr>
              ) : null}
              {stats.rows.map((row) => (
                <tr key={row.municipalityCode}>
                  <th scope="row">{row.municipalityName}</th>
                  <td className="text-end">{cell(row.persons)}</td>
                  <td className="text-end">{cell(row.accessesLast30Days)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {stats.rows.length ? (
            <BarChart
              title={t('chartTitle')}
              rows={stats.rows.map((row) => ({ key: row.municipalityCode, label: row.municipalityName, value: row.persons }))}
              threshold={threshold}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
