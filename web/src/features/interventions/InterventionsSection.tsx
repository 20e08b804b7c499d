import { Badge } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../src/features/cases/cases.schemas.ts';
import type { CaseInterventions } from '../../../../src/features/interventions/interventions.schemas.ts';
import { formatCents } from '../../../../src/platform/money/euros.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { formatDate } from '../../platform/format.ts';
import { interventionsApi } from './interventions-api.ts';
import { DeliveriesTable, MonthsTable, useQuantity } from './InterventionTables.tsx';

/** The "Interventi" section of the case page: each intervention of the plan in force, planned vs delivered per month. */
export function InterventionsSection({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation(['interventions', 'catalogue', 'carePlans']);
  const quantity = useQuantity();
  const [data, setData] = useState<CaseInterventions | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    void interventionsApi.ofCase(detail.id).then(setData, setFailure);
  }, [detail.id, detail.version]);
  return (
    <section aria-labelledby="case-interventions-title" className="mb-4" data-testid="case-interventions-section">
      <h2 id="case-interventions-title" className="h4">{t('section.title')}</h2>
      <ErrorAlert error={failure} />
      {!data && !failure ? <Loading /> : null}
      {data?.interventions.length === 0 ? <p data-testid="case-interventions-empty">{t('section.none')}</p> : null}
      {data?.interventions.map((i) => (
        <article key={i.id} className="mb-4" data-testid={`case-intervention-${i.serviceCode}`} aria-labelledby={`intervention-${i.id}`}>
          <h3 id={`intervention-${i.id}`} className="h5">
            {i.serviceName} <Badge color={i.status === 'active' ? 'success' : 'secondary'}>{t(`status.${i.status}`)}</Badge>
          </h3>
          <dl className="row mb-2">
            <dt className="col-sm-3">{t('fields.titleHolder')}</dt>
            <dd className="col-sm-9">{i.titleHolderName ?? t(`catalogue:titleHolders.${i.titleHolder}`)}</dd>
            <dt className="col-sm-3">{t('fields.deliverer')}</dt>
            <dd className="col-sm-9">{i.providerName ?? t('fields.direct')}</dd>
            <dt className="col-sm-3">{t('fields.planned')}</dt>
            <dd className="col-sm-9">
              {quantity(i.quantityHundredths, i.unit)} {t(`carePlans:frequency.${i.frequency}`)} · {formatCents(i.unitCostCents, i18n.language)} {t('fields.perUnit')}
            </dd>
            <dt className="col-sm-3">{t('fields.period')}</dt>
            <dd className="col-sm-9">
              {t('fields.periodValue', { from: formatDate(i.startDate, i18n.language), to: formatDate(i.endDate, i18n.language) })} · {t('fields.planVersion', { n: i.planVersionNumber })}
            </dd>
          </dl>
          <MonthsTable months={i.months} unit={i.unit} caption={t('months.caption', { service: i.serviceName })} testId={`case-intervention-months-${i.serviceCode}`} />
          <details>
            <summary>{t('deliveries.show', { count: i.deliveries.length })}</summary>
            <DeliveriesTable deliveries={i.deliveries} unit={i.unit} caption={t('deliveries.caption', { service: i.serviceName })} testId={`case-intervention-deliveries-${i.serviceCode}`} />
          </details>
        </article>
      ))}
    </section>
  );
}
