import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderDetail } from '../../../../src/features/catalogue/providers.schemas.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { catalogueApi } from './catalogue-api.ts';
import { ProviderDeliveries } from './ProviderDeliveries.tsx';

/** A provider user's organisation and the services it delivers. */
export function MyProviderPage() {
  const { t } = useTranslation(['catalogue', 'common']);
  const [provider, setProvider] = useState<ProviderDetail | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  usePageTitle(t('mine.title'));
  useEffect(() => { void catalogueApi.myProvider().then(setProvider, setFailure); }, []);
  return (
    <>
      <h1>{provider ? provider.name : t('mine.title')}</h1>
      <p>{t('mine.intro')}</p>
      <ErrorAlert error={failure} />
      {!provider && !failure ? <Loading /> : null}
      {provider ? <ProviderDeliveries provider={provider} linkServices /> : null}
    </>
  );
}
