import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ProviderDetail } from '../../../../src/features/catalogue/providers.schemas.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';

/** The services an organisation delivers and where; links to the services when the reader may open them. */
export function ProviderDeliveries({ provider, linkServices }: { provider: ProviderDetail; linkServices: boolean }) {
  const { t } = useTranslation(['catalogue', 'common']);
  if (!provider.deliveries.length) return <p data-testid="provider-deliveries-empty">{t('providers.noDeliveries')}</p>;
  return (
    <DataTable caption={t('providers.deliveriesCaption', { name: provider.name })} size="sm" testId="provider-deliveries">
      <thead>
        <tr>
          <th scope="col">{t('fields.code')}</th>
          <th scope="col">{t('map.service')}</th>
          <th scope="col">{t('detail.municipality')}</th>
        </tr>
      </thead>
      <tbody>
        {provider.deliveries.map((d) => (
          <tr key={d.serviceId}>
            <td>{d.code}</td>
            <th scope="row">{linkServices ? <Link to={`/catalogue/services/${d.serviceId}`}>{d.name}</Link> : d.name}</th>
            <td>{d.municipalities.map((m) => m.name).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
