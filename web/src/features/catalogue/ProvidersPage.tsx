import { Button } from 'design-react-kit';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Provider, ProviderDetail } from '../../../../src/features/catalogue/providers.schemas.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { catalogueApi } from './catalogue-api.ts';
import { ProviderDeliveries } from './ProviderDeliveries.tsx';
import { ProviderForm } from './ProviderForm.tsx';

/** The manager's list of provider organisations, with their services and an edit form. */
export function ProvidersPage() {
  const { t } = useTranslation(['catalogue', 'common']);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [providers, setProviders] = useState<Provider[] | null>(null);
  const [editing, setEditing] = useState<Provider | 'new' | null>(null);
  const [shown, setShown] = useState<ProviderDetail | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  usePageTitle(t('providers.title'));

  const reload = useCallback(() => {
    void catalogueApi.providers(includeInactive).then(setProviders, setFailure);
  }, [includeInactive]);
  useEffect(reload, [reload]);

  const show = (provider: Provider) => {
    setEditing(null);
    void catalogueApi.provider(provider.id).then(setShown, setFailure);
  };

  return (
    <>
      <p className="mb-1"><Link to="/catalogue">{t('detail.back')}</Link></p>
      <h1>{t('providers.title')}</h1>
      <p>{t('providers.intro')}</p>
      <ErrorAlert error={failure} />
      <div aria-live="polite">{notice ? <p className="text-success fw-semibold" data-testid="provider-notice">{notice}</p> : null}</div>
      <CheckboxField id="providers-include-inactive" label={t('providers.includeInactive')} checked={includeInactive} onChange={setIncludeInactive} />
      {!providers && !failure ? <Loading /> : null}
      {providers ? (
        <DataTable caption={t('providers.caption', { count: providers.length })} testId="providers-table">
          <thead>
            <tr>
              <th scope="col">{t('providers.name')}</th>
              <th scope="col">{t('providers.kind')}</th>
              <th scope="col">{t('providers.taxCode')}</th>
              <th scope="col">{t('providers.municipality')}</th>
              <th scope="col">{t('providers.serviceCount')}</th>
              <th scope="col"><span className="visually-hidden">{t('providers.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {providers.length === 0 ? <tr><td colSpan={6}>{t('providers.empty')}</td></tr> : null}
            {providers.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.name}
                  {p.isActive ? null : <span className="badge bg-secondary ms-2">{t('providers.inactive')}</span>}
                </th>
                <td>{t(`providerKinds.${p.kind}`)}</td>
                <td>{p.taxCode ?? t('common:values.empty')}</td>
                <td>{p.municipalityName ?? t('common:values.empty')}</td>
                <td>{p.serviceCount}</td>
                <td className="text-nowrap">
                  <Button color="primary" outline size="xs" type="button" className="me-1" onClick={() => { show(p); }}
                    aria-label={t('providers.showNamed', { name: p.name })}>{t('providers.services')}</Button>
                  <Button color="primary" outline size="xs" type="button" onClick={() => { setShown(null); setEditing(p); }}
                    aria-label={t('providers.editNamed', { name: p.name })}>{t('common:actions.edit')}</Button>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {shown ? (
        <section aria-labelledby="provider-services-title" className="mt-3">
          <h2 id="provider-services-title" className="h4">{t('providers.showNamed', { name: shown.name })}</h2>
          <ProviderDeliveries provider={shown} linkServices />
        </section>
      ) : null}
      {editing ? (
        <ProviderForm
          key={editing === 'new' ? 'new' : editing.id}
          provider={editing === 'new' ? null : editing}
          onCancel={() => { setEditing(null); }}
          onSaved={() => {
            setEditing(null);
            setNotice(t('providers.saved'));
            reload();
          }}
        />
      ) : (
        <Button color="primary" type="button" className="mt-2" onClick={() => { setNotice(''); setShown(null); setEditing('new'); }} testId="provider-new">
          {t('providers.new')}
        </Button>
      )}
    </>
  );
}
