import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { ServiceMap } from '../../../../src/features/catalogue/arrangements.schemas.ts';
import type { Arrangement } from '../../../../src/features/catalogue/catalogue.schemas.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { BarChart } from '../reporting/BarChart.tsx';
import { deliveryText, holderText } from './arrangement-text.ts';
import { catalogueApi } from './catalogue-api.ts';
import { useCatalogueReference } from './use-catalogue-reference.ts';

/** One line of a map cell: a letter for the eye, the full label for screen readers. */
function CellLine({ short, label, text }: { short: string; label: string; text: string }) {
  return (
    <div>
      <span aria-hidden="true">{short}: </span>
      <span className="visually-hidden">{label}: </span>
      {text}
    </div>
  );
}

/** Services × municipalities of the manager's territories, with a chart of how many services each has. */
export function ServiceMapPage() {
  const { t } = useTranslation(['catalogue', 'common']);
  const reference = useCatalogueReference();
  const [params, setParams] = useSearchParams();
  const needArea = params.get('needArea') ?? '';
  const [map, setMap] = useState<ServiceMap | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  usePageTitle(t('map.title'));

  useEffect(() => {
    setMap(null);
    setFailure(null);
    void catalogueApi.serviceMap(needArea || undefined).then(setMap, setFailure);
  }, [needArea]);

  const cells = new Map<string, Arrangement>((map?.cells ?? []).map((c) => [`${c.serviceId}:${c.municipalityCode}`, c]));
  const chartRows = (map?.municipalities ?? []).map((m) => ({
    key: m.code,
    label: m.name,
    value: (map?.cells ?? []).filter((c) => c.municipalityCode === m.code).length,
  }));

  return (
    <>
      <h1>{t('map.title')}</h1>
      <p>{t('map.intro')}</p>
      <form role="search" aria-label={t('map.filterLabel')} onSubmit={(event) => { event.preventDefault(); }} className="mb-3" style={{ maxWidth: '28rem' }}>
        <SelectField id="map-need-area" label={t('list.needArea')} value={needArea} placeholder={t('list.allAreas')} options={reference.needAreaOptions}
          onChange={(value) => { setParams(value ? { needArea: value } : {}); }} />
      </form>
      <ErrorAlert error={failure ?? reference.failure} />
      <div aria-live="polite" aria-busy={!map && !failure}>{!map && !failure ? <Loading /> : null}</div>
      {map ? (
        <>
          {map.services.length === 0 ? <p data-testid="map-empty">{t('map.empty')}</p> : null}
          <p className="small">{t('map.legend')}</p>
          <DataTable caption={t('map.caption')} size="sm" testId="service-map-table">
            <thead>
              <tr>
                <th scope="col">{t('map.service')}</th>
                {map.municipalities.map((m) => <th scope="col" key={m.code}>{m.name}</th>)}
              </tr>
            </thead>
            <tbody>
              {map.services.map((s) => (
                <tr key={s.id}>
                  <th scope="row" style={{ minWidth: '14rem' }}>
                    <Link to={`/catalogue/services/${s.id}`}>{s.name}</Link> <span className="text-muted small">{s.code}</span>
                  </th>
                  {map.municipalities.map((m) => {
                    const cell = cells.get(`${s.id}:${m.code}`);
                    return (
                      <td key={m.code} className="small" style={{ minWidth: '9rem' }} data-testid={`map-cell-${s.code}-${m.code}`}>
                        {cell ? (
                          <>
                            <CellLine short={t('map.holderShort')} label={t('detail.titleHolder')} text={holderText(t, cell)} />
                            <CellLine short={t('map.deliveryShort')} label={t('detail.delivery')} text={deliveryText(t, cell)} />
                            <CellLine short={t('map.functionShort')} label={t('detail.functionMode')} text={t(`functionModes.${cell.functionMode}`)} />
                          </>
                        ) : (
                          <span className="visually-hidden">{t('map.absent')}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </DataTable>
          <BarChart title={t('map.chartTitle')} rows={chartRows} threshold={0} />
        </>
      ) : null}
    </>
  );
}
