import { Button, Col, Row } from 'design-react-kit';
import { Fragment, useEffect, useMemo, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Outcome } from '../../../../src/features/accesses/accesses.codes.ts';
import type { AccessStats, Breakdown } from '../../../../src/features/accesses/stats/stats.schemas.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { formatNumber } from '../../platform/format.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { BarChart } from '../reporting/BarChart.tsx';
import { accessesApi } from './accesses-api.ts';
import { clock } from '../../../../src/platform/time/clock.ts';

type Dimension = 'channel' | 'needArea' | 'outcome';
const DIMENSIONS: Dimension[] = ['channel', 'needArea', 'outcome'];

function recentMonths(count: number): string[] {
  const now = clock.now();
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  });
}

/** Accesses per municipality and month for officials and managers: counts only, small ones hidden by the server. */
export function AccessStatsPage() {
  const { t, i18n } = useTranslation(['accesses', 'reporting', 'common']);
  const months = useMemo(() => recentMonths(36), []);
  const [draft, setDraft] = useState({ from: months[11] ?? '', to: months[0] ?? '', dimension: 'channel' as Dimension });
  const [query, setQuery] = useState(draft);
  const [stats, setStats] = useState<AccessStats | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  usePageTitle(t('stats.title'));

  useEffect(() => {
    setFailure(null);
    void accessesApi.stats({ from: query.from, to: query.to }).then(setStats, setFailure);
  }, [query.from, query.to]);

  const monthLabel = (month: string) =>
    new Intl.DateTimeFormat(i18n.language.startsWith('en') ? 'en-GB' : 'it-IT', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  const monthOptions = months.map((value) => ({ value, label: monthLabel(value) }));
  const threshold = stats?.suppressionThreshold ?? 5;
  const categoryLabel = (dimension: Dimension, code: string) => {
    if (dimension === 'needArea') {
      const area = stats?.needAreas.find((a) => a.code === code);
      return area ? (i18n.language.startsWith('en') ? area.labelEn : area.labelIt) : code;
    }
    return dimension === 'channel' ? t(`channel.${code as Channel}`) : t(`outcome.${code as Outcome}`);
  };
  const dimension = query.dimension;
  const categories = stats ? Object.keys(stats.overall[dimension]) : [];
  const valueOf = (breakdown: Breakdown, code: string): number | null => (breakdown[dimension] as Record<string, number | null | undefined>)[code] ?? null;
  const cell = (value: number | null) =>
    value === null ? (
      <span data-testid="suppressed">
        <span aria-hidden="true">{t('reporting:suppressed', { threshold })}</span>
        <span className="visually-hidden">{t('reporting:suppressedLong', { threshold })}</span>
      </span>
    ) : (
      formatNumber(value, i18n.language)
    );
  const cells = (breakdown: Breakdown) => (
    <>
      <td className="text-end">{cell(breakdown.total)}</td>
      {categories.map((code) => <td key={code} className="text-end">{cell(valueOf(breakdown, code))}</td>)}
    </>
  );
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQuery(draft);
  };
  const period = stats ? { dimension: t(`stats.dimensions.${dimension}`).toLowerCase(), from: monthLabel(stats.from), to: monthLabel(stats.to) } : null;

  return (
    <>
      <h1>{t('stats.title')}</h1>
      <p>{t('stats.intro')}</p>
      <form onSubmit={submit} noValidate className="mb-3" data-testid="access-stats-form">
        <Row>
          <Col xs={6} md={3}>
            <SelectField id="access-stats-from" label={t('stats.from')} value={draft.from} options={monthOptions} onChange={(value) => { setDraft((d) => ({ ...d, from: value })); }} />
          </Col>
          <Col xs={6} md={3}>
            <SelectField id="access-stats-to" label={t('stats.to')} value={draft.to} options={monthOptions} onChange={(value) => { setDraft((d) => ({ ...d, to: value })); }} />
          </Col>
          <Col xs={12} md={3}>
            <SelectField id="access-stats-dimension" label={t('stats.dimension')} value={draft.dimension} options={DIMENSIONS.map((value) => ({ value, label: t(`stats.dimensions.${value}`) }))} onChange={(value) => { setDraft((d) => ({ ...d, dimension: value as Dimension })); }} />
          </Col>
          <Col xs={12} md={3} className="d-flex align-items-end">
            <Button color="primary" type="submit" testId="access-stats-show">{t('stats.show')}</Button>
          </Col>
        </Row>
      </form>
      <ErrorAlert error={failure} />
      {!stats && !failure ? <Loading /> : null}
      {stats && period ? (
        <>
          <p className="callout-inline" data-testid="access-stats-note">{t('stats.suppressionNote', { threshold })}</p>
          <BarChart
            title={t('stats.chartTitle', period)}
            rows={categories.map((code) => ({ key: code, label: categoryLabel(dimension, code), value: valueOf(stats.overall, code) }))}
            threshold={threshold}
          />
          <DataTable caption={t('stats.caption', period)} testId="access-stats-table" size="sm">
            <thead>
              <tr>
                <th scope="col">{t('stats.municipality')}</th>
                <th scope="col" className="text-end">{t('stats.total')}</th>
                {categories.map((code) => <th key={code} scope="col" className="text-end">{categoryLabel(dimension, code)}</th>)}
              </tr>
            </thead>
            <tbody>
              {stats.municipalities.length === 0 ? <tr><td colSpan={categories.length + 2}>{t('stats.empty')}</td></tr> : null}
              {stats.municipalities.map((m) => (
                <Fragment key={m.municipalityCode}>
                  <tr className="table-light">
                    <th scope="row">{t('stats.period', { name: m.municipalityName })}</th>
                    {cells(m.period)}
                  </tr>
                  {m.months.map((row) => (
                    <tr key={row.month}>
                      <th scope="row" className="fw-normal ps-4">{m.municipalityName}, {monthLabel(row.month)}</th>
                      {cells(row)}
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </DataTable>
        </>
      ) : null}
    </>
  );
}
