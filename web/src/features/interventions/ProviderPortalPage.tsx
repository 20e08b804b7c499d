import { Badge } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ProviderInterventionList } from '../../../../src/features/interventions/interventions.schemas.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { formatDate, formatMonth } from '../../platform/format.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { interventionsApi } from './interventions-api.ts';
import { useQuantity } from './InterventionTables.tsx';

export const providerInterventionPath = (id: string) => `/provider/interventions/${encodeURIComponent(id)}`;

/** The provider portal: the interventions the user's organisation delivers, with this month's planned and delivered. */
export function ProviderPortalPage() {
  const { t, i18n } = useTranslation('interventions');
  usePageTitle(t('portal.title'));
  const quantity = useQuantity();
  const [data, setData] = useState<ProviderInterventionList | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    void interventionsApi.mine().then(setData, setFailure);
  }, []);
  return (
    <>
      <h1>{t('portal.title')}</h1>
      <p>{t('portal.about')}</p>
      <ErrorAlert error={failure} />
      {!data && !failure ? <Loading /> : null}
      {data?.items.length === 0 ? <p data-testid="portal-empty">{t('portal.none')}</p> : null}
      {data && data.items.length > 0 ? (
        <DataTable caption={t('portal.caption', { month: formatMonth(data.month, i18n.language, true) })} testId="portal-list">
          <thead>
            <tr>
              <th scope="col">{t('portal.person')}</th>
              <th scope="col">{t('portal.service')}</th>
              <th scope="col">{t('fields.period')}</th>
              <th scope="col" className="text-end">{t('portal.plannedMonth')}</th>
              <th scope="col" className="text-end">{t('portal.deliveredMonth')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((i) => (
              <tr key={i.id} data-testid={`portal-row-${i.id}`}>
                <th scope="row">
                  <Link to={providerInterventionPath(i.id)}>{i.personName}</Link>
                  <span className="d-block small">{i.municipalityName}</span>
                </th>
                <td>
                  {i.serviceName} {i.status === 'ended' ? <Badge color="secondary">{t('status.ended')}</Badge> : null}
                </td>
                <td>{t('fields.periodValue', { from: formatDate(i.startDate, i18n.language), to: formatDate(i.endDate, i18n.language) })}</td>
                <td className="text-end">{quantity(i.plannedHundredths, i.unit)}</td>
                <td className="text-end">{quantity(i.deliveredHundredths, i.unit)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </>
  );
}
