import { Badge } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PlanOverview } from '../../../../src/features/care-plans/care-plans.schemas.ts';
import type { CaseDetail } from '../../../../src/features/cases/cases.schemas.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { formatDate } from '../../platform/format.ts';
import { formatCents } from '../../../../src/platform/money/euros.ts';
import { carePlansApi } from './care-plans-api.ts';
import { PLAN_STATUS_COLOR } from './plan-format.ts';

/** The "Progetto personalizzato" section of the case page: the latest version at a glance and the way to the plan. */
export function CarePlanSection({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation('carePlans');
  const [overview, setOverview] = useState<PlanOverview | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    void carePlansApi.overview(detail.id).then(setOverview, setFailure);
  }, [detail.id, detail.version]);
  const latest = overview?.latest;
  return (
    <section aria-labelledby="case-plan-title" className="mb-4" data-testid="case-plan-section">
      <h2 id="case-plan-title" className="h4">{t('section.title')}</h2>
      <ErrorAlert error={failure} />
      {!overview && !failure ? <Loading /> : null}
      {overview && !latest ? <p>{t('section.none')}</p> : null}
      {latest ? (
        <p data-testid="case-plan-summary">
          {t('section.latest', { n: latest.versionNumber })} <Badge color={PLAN_STATUS_COLOR[latest.status]}>{t(`status.${latest.status}`)}</Badge>{' '}
          {t('section.period', { from: formatDate(latest.periodStart, i18n.language), to: formatDate(latest.periodEnd, i18n.language) })}
          {' · '}
          {t('section.counts', { objectives: latest.objectives.length, supports: latest.supports.length, monthly: formatCents(latest.totals.monthlyCents, i18n.language) })}
        </p>
      ) : null}
      {overview ? (
        <Link className="btn btn-outline-primary" to={`/cases/${encodeURIComponent(detail.id)}/plan`} data-testid="case-plan-open">
          {latest ? t('section.open') : t('section.start')}
        </Link>
      ) : null}
    </section>
  );
}
