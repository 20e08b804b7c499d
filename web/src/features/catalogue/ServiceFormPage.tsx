import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ServiceDetail } from '../../../../src/features/catalogue/catalogue.schemas.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { catalogueApi } from './catalogue-api.ts';
import { ServiceForm } from './ServiceForm.tsx';

/** New service (no id in the route) or the edit form of an existing one. */
export function ServiceFormPage() {
  const { id } = useParams();
  const { t } = useTranslation(['catalogue', 'common']);
  const navigate = useNavigate();
  const [service, setService] = useState<ServiceDetail | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const title = id ? t('form.editTitle', { name: service?.name ?? '' }) : t('form.newTitle');
  usePageTitle(title);

  useEffect(() => {
    if (id) void catalogueApi.service(id).then(setService, setFailure);
  }, [id]);

  return (
    <>
      <p className="mb-1"><Link to={id ? `/catalogue/services/${id}` : '/catalogue'}>{id ? t('common:actions.back') : t('detail.back')}</Link></p>
      <h1 id="service-form-title">{title}</h1>
      <ErrorAlert error={failure} />
      {id && !service && !failure ? <Loading /> : null}
      {!id || service ? (
        <ServiceForm
          key={service?.id ?? 'new'}
          service={service}
          onSave={async (body) => {
            const saved = id ? await catalogueApi.updateService(id, body) : await catalogueApi.createService(body);
            void navigate(`/catalogue/services/${saved.id}`, { state: { notice: id ? 'saved' : 'created' } });
          }}
        />
      ) : null}
    </>
  );
}
