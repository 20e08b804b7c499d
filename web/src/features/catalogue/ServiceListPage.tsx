import { Button, Col, Row } from 'design-react-kit';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { ServiceSummary } from '../../../../src/features/catalogue/catalogue.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { catalogueApi, EXPORT_URL } from './catalogue-api.ts';
import { useCatalogueReference } from './use-catalogue-reference.ts';

/** The catalogue, searchable by name or code and filterable by area of need; criteria live in the URL. */
export function ServiceListPage() {
  const { t } = useTranslation(['catalogue', 'common']);
  const me = useMe();
  const manages = can(me, permissions.catalogueManage);
  const reference = useCatalogueReference();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [needArea, setNeedArea] = useState(params.get('needArea') ?? '');
  const [includeInactive, setIncludeInactive] = useState(params.get('includeInactive') === 'true');
  const [services, setServices] = useState<ServiceSummary[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const key = params.toString();
  usePageTitle(t('list.title'));

  useEffect(() => {
    const query = new URLSearchParams(key);
    const controller = new AbortController();
    setServices(null);
    setFailure(null);
    void catalogueApi
      .services(
        {
          ...(query.get('q') ? { q: query.get('q') ?? '' } : {}),
          ...(query.get('needArea') ? { needArea: query.get('needArea') ?? '' } : {}),
          ...(query.get('includeInactive') === 'true' ? { includeInactive: 'true' as const } : {}),
        },
        controller.signal,
      )
      .then(setServices, (error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError')) setFailure(error);
      });
    return () => { controller.abort(); };
  }, [key]);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (q.trim()) next.set('q', q.trim());
    if (needArea) next.set('needArea', needArea);
    if (includeInactive) next.set('includeInactive', 'true');
    setParams(next);
  };

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2">
        <h1 className="mb-0">{t('list.title')}</h1>
        <div className="d-flex flex-wrap gap-2">
          {manages ? (
            <>
              <Link to="/catalogue/services/new" className="btn btn-primary" data-testid="catalogue-new">{t('list.new')}</Link>
              <Link to="/catalogue/import" className="btn btn-outline-primary" data-testid="catalogue-import">{t('list.import')}</Link>
              <Link to="/catalogue/providers" className="btn btn-outline-primary" data-testid="catalogue-providers">{t('list.providers')}</Link>
            </>
          ) : null}
          {me.grants.some((g) => g.role === 'provider') ? (
            <Link to="/catalogue/mine" className="btn btn-outline-primary" data-testid="catalogue-mine">{t('list.mine')}</Link>
          ) : null}
          <a href={EXPORT_URL} className="btn btn-outline-primary" download data-testid="catalogue-export">{t('list.export')}</a>
        </div>
      </div>
      <p>{t('list.intro')}</p>
      <form role="search" onSubmit={submit} noValidate aria-label={t('list.formLabel')} className="mb-3">
        <Row>
          <Col xs={12} md={6}>
            <TextField id="catalogue-q" type="search" label={t('list.q')} value={q} onChange={setQ} autoComplete="off" />
          </Col>
          <Col xs={12} md={6}>
            <SelectField id="catalogue-need-area" label={t('list.needArea')} value={needArea} placeholder={t('list.allAreas')}
              options={reference.needAreaOptions} onChange={setNeedArea} />
          </Col>
        </Row>
        <CheckboxField id="catalogue-include-inactive" label={t('list.includeInactive')} checked={includeInactive} onChange={setIncludeInactive} />
        <Button color="primary" type="submit" className="mt-2" testId="catalogue-search">{t('common:actions.search')}</Button>
      </form>
      <ErrorAlert error={failure ?? reference.failure} />
      <div aria-live="polite">{!services && !failure ? <Loading /> : null}</div>
      {services ? (
        <DataTable caption={t('list.caption', { count: services.length })} testId="catalogue-table">
          <thead>
            <tr>
              <th scope="col">{t('fields.code')}</th>
              <th scope="col">{t('fields.name')}</th>
              <th scope="col">{t('fields.needAreas')}</th>
              <th scope="col">{t('fields.kind')}</th>
              <th scope="col">{t('fields.unit')}</th>
              <th scope="col">{t('fields.siussBenefit')}</th>
            </tr>
          </thead>
          <tbody>
            {services.length === 0 ? <tr><td colSpan={6}>{t('list.empty')}</td></tr> : null}
            {services.map((service) => (
              <tr key={service.id}>
                <td className="text-nowrap">{service.code}</td>
                <th scope="row">
                  <Link to={`/catalogue/services/${service.id}`}>{service.name}</Link>
                  {service.isActive ? null : <span className="badge bg-secondary ms-2">{t('list.inactive')}</span>}
                </th>
                <td>{service.needAreas.map(reference.areaLabel).join(', ')}</td>
                <td>{t(`kinds.${service.kind}`)}</td>
                <td>{t(`units.${service.unit}`)}</td>
                <td>{service.siussBenefitCode ?? t('common:values.empty')}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </>
  );
}
