import { Alert } from 'design-react-kit';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { ServiceDetail } from '../../../../src/features/catalogue/catalogue.schemas.ts';
import { ApiError } from '../../platform/api/api-client.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { ArrangementsSection } from './ArrangementsSection.tsx';
import { catalogueApi } from './catalogue-api.ts';
import { useCatalogueReference } from './use-catalogue-reference.ts';

export function ServiceDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['catalogue', 'common']);
  const me = useMe();
  const manages = can(me, permissions.catalogueManage);
  const notice = (useLocation().state as { notice?: 'saved' | 'created' } | null)?.notice;
  const reference = useCatalogueReference();
  const [service, setService] = useState<ServiceDetail | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  usePageTitle(service?.name ?? t('detail.description'));

  const load = useCallback(() => {
    void catalogueApi.service(id).then(setService, setFailure);
  }, [id]);
  useEffect(load, [load]);

  const siuss = reference.siussBenefits.find((b) => b.code === service?.siussBenefitCode);
  return (
    <>
      <p className="mb-1"><Link to="/catalogue">{t('detail.back')}</Link></p>
      {failure instanceof ApiError && failure.status === 404 ? <p>{t('detail.notFound')}</p> : <ErrorAlert error={failure} />}
      {!service && !failure ? <Loading /> : null}
      {service ? (
        <>
          <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2">
            <h1 className="mb-0" data-testid="service-title">{service.name}</h1>
            {manages ? <Link to={`/catalogue/services/${service.id}/edit`} className="btn btn-primary" data-testid="service-edit">{t('detail.edit')}</Link> : null}
          </div>
          {notice ? <Alert color="success" fade={false} testId="service-notice">{t(notice === 'created' ? 'form.created' : 'form.saved')}</Alert> : null}
          <section aria-label={t('detail.description')}>
            <dl className="row">
              <dt className="col-sm-4">{t('fields.code')}</dt>
              <dd className="col-sm-8" data-testid="service-code-value">{service.code}</dd>
              <dt className="col-sm-4">{t('fields.needAreas')}</dt>
              <dd className="col-sm-8">{service.needAreas.map(reference.areaLabel).join(', ')}</dd>
              <dt className="col-sm-4">{t('fields.kind')}</dt>
              <dd className="col-sm-8">{t(`kinds.${service.kind}`)}</dd>
              <dt className="col-sm-4">{t('fields.unit')}</dt>
              <dd className="col-sm-8">{t(`units.${service.unit}`)}</dd>
              <dt className="col-sm-4">{t('fields.siussBenefit')}</dt>
              <dd className="col-sm-8">{service.siussBenefitCode ? `${service.siussBenefitCode}${siuss ? ` – ${siuss.description}` : ''}` : t('common:values.empty')}</dd>
              <dt className="col-sm-4">{t('fields.status')}</dt>
              <dd className="col-sm-8">{service.isActive ? t('fields.active') : t('list.inactive')}</dd>
              <dt className="col-sm-4">{t('fields.accessRules')}</dt>
              <dd className="col-sm-8" style={{ whiteSpace: 'pre-line' }}>{service.accessRules ?? t('common:values.empty')}</dd>
            </dl>
          </section>
          <ArrangementsSection serviceId={service.id} arrangements={service.arrangements} manages={manages} onChanged={load} />
        </>
      ) : null}
    </>
  );
}
