import { Button } from 'design-react-kit';
import { useCallback, useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelinessReport, TimelinessRow } from '../../../../src/features/appointments/timeliness.schemas.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { RadioGroup } from '../../platform/components/RadioGroup.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { formatDate, formatNumber } from '../../platform/format.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { BarChart } from '../reporting/BarChart.tsx';
import { useMyMunicipalities } from '../territories/use-my-municipalities.ts';
import { romeDate } from './appointment-format.ts';
import { appointmentsApi } from './appointments-api.ts';
import { clock } from '../../../../src/platform/time/clock.ts';

type GroupBy = 'month' | 'quarter';
type Figures = Omit<TimelinessRow, 'period' | 'municipalityCode' | 'municipalityName'>;

function defaultPeriod() {
  const today = romeDate(clock.now());
  const [year, month] = today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 10);
  return { from: start, to: today };
}

/** The manager's report: days from referral to first interview, median and 90th percentile, and who still waits. */
export function TimelinessPage() {
  const { t, i18n } = useTranslation(['appointments', 'common']);
  usePageTitle(t('timeliness.title'));
  const [query, setQuery] = useState({ ...defaultPeriod(), groupBy: 'month' as GroupBy, municipalityCode: '' });
  const { options: municipalities } = useMyMunicipalities();
  const [draft, setDraft] = useState(query);
  const [report, setReport] = useState<TimelinessReport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    setReport(null);
    setFailure(null);
    void appointmentsApi.timeliness({ ...query, municipalityCode: query.municipalityCode || undefined }).then(setReport, setFailure);
  }, [query]);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQuery(draft);
  };
  const number = (value: number | null) => (value === null ? t('common:values.empty') : formatNumber(value, i18n.language));
  const periodLabel = useCallback(
    (period: string) => {
      const [year, month] = period.split('-').map(Number) as [number, number];
      if (report?.groupBy === 'quarter') return t('timeliness.quarterLabel', { quarter: Math.floor((month - 1) / 3) + 1, year });
      return new Intl.DateTimeFormat(i18n.language.startsWith('en') ? 'en-GB' : 'it-IT', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
    },
    [i18n.language, report?.groupBy, t],
  );
  const figures = (row: Figures) => (
    <>
      <td className="text-end">{number(row.referred)}</td>
      <td className="text-end">{number(row.interviewed)}</td>
      <td className="text-end">{number(row.medianDays)}</td>
      <td className="text-end">{number(row.p90Days)}</td>
      <td className="text-end">{number(row.waiting)}</td>
      <td className="text-end">{number(row.waitingMedianAgeDays)}</td>
      <td className="text-end">{number(row.waitingMaxAgeDays)}</td>
      <td className="text-end">{number(row.endedWithoutInterview)}</td>
    </>
  );
  const heads = (
    <>
      <th scope="col" className="text-end">{t('timeliness.referred')}</th>
      <th scope="col" className="text-end">{t('timeliness.interviewed')}</th>
      <th scope="col" className="text-end">{t('timeliness.median')}</th>
      <th scope="col" className="text-end">{t('timeliness.p90')}</th>
      <th scope="col" className="text-end">{t('timeliness.waiting')}</th>
      <th scope="col" className="text-end">{t('timeliness.waitingMedian')}</th>
      <th scope="col" className="text-end">{t('timeliness.waitingMax')}</th>
      <th scope="col" className="text-end">{t('timeliness.endedWithoutInterview')}</th>
    </>
  );

  return (
    <>
      <h1>{t('timeliness.title')}</h1>
      <p>{t('timeliness.intro')}</p>
      <form onSubmit={submit} noValidate className="row align-items-end" data-testid="timeliness-form">
        <div className="col-12 col-md-4">
          <TextField id="timeliness-from" type="date" label={t('timeliness.from')} value={draft.from} onChange={(from) => { setDraft({ ...draft, from }); }} required />
        </div>
        <div className="col-12 col-md-4">
          <TextField id="timeliness-to" type="date" label={t('timeliness.to')} value={draft.to} onChange={(to) => { setDraft({ ...draft, to }); }} required />
        </div>
        <div className="col-12 col-md-4">
          <SelectField id="timeliness-municipality" label={t('timeliness.municipality')} value={draft.municipalityCode} options={municipalities} onChange={(municipalityCode) => { setDraft({ ...draft, municipalityCode }); }} placeholder={t('timeliness.allMunicipalities')} />
        </div>
        <div className="col-12 col-md-4">
          <RadioGroup id="timeliness-group" legend={t('timeliness.groupBy')} value={draft.groupBy} options={[{ value: 'month', label: t('timeliness.month') }, { value: 'quarter', label: t('timeliness.quarter') }]} onChange={(value) => { setDraft({ ...draft, groupBy: value as GroupBy }); }} />
        </div>
        <div className="col-12 col-md-4 mb-3">
          <Button color="primary" type="submit" testId="timeliness-submit">{t('timeliness.show')}</Button>
        </div>
      </form>
      <ErrorAlert error={failure} testId="timeliness-error" />
      {!report && !failure ? <Loading /> : null}
      {report && report.periodTotals.length === 0 ? <p data-testid="timeliness-empty">{t('timeliness.noData')}</p> : null}
      {report && report.periodTotals.length ? (
        <>
          {report.periodTotals.some((row) => row.medianDays !== null) ? (
            <BarChart
              title={t('timeliness.chart')}
              rows={report.periodTotals.filter((row) => row.medianDays !== null).map((row) => ({ key: row.period, label: periodLabel(row.period), value: row.medianDays }))}
              threshold={0}
            />
          ) : null}
          <DataTable caption={t('timeliness.totalsCaption')} testId="timeliness-totals">
            <thead>
              <tr>
                <th scope="col">{t('timeliness.period')}</th>
                {heads}
              </tr>
            </thead>
            <tbody>
              {report.periodTotals.map((row) => (
                <tr key={row.period}>
                  <th scope="row">{periodLabel(row.period)}</th>
                  {figures(row)}
                </tr>
              ))}
            </tbody>
          </DataTable>
          <DataTable caption={t('timeliness.caption', { from: formatDate(report.from, i18n.language), to: formatDate(report.to, i18n.language) })} testId="timeliness-table">
            <thead>
              <tr>
                <th scope="col">{t('timeliness.municipality')}</th>
                <th scope="col">{t('timeliness.period')}</th>
                {heads}
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={`${row.municipalityCode}:${row.period}`}>
                  <th scope="row">{row.municipalityName}</th>
                  <td>{periodLabel(row.period)}</td>
                  {figures(row)}
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      ) : null}
    </>
  );
}
