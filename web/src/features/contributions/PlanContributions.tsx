import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanVersion } from '../../../../src/features/care-plans/care-plans.schemas.ts';
import { isStanding } from '../../../../src/features/contributions/contributions.codes.ts';
import type { Contribution } from '../../../../src/features/contributions/contributions.schemas.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { contributionsApi } from './contributions-api.ts';
import { ContributionsTable } from './ContributionsTable.tsx';

/** Contributions a plan version carries: proposed in it or in an earlier version, and neither rejected nor revoked. */
export function inPlan(contributions: Contribution[], versionNumber: number): Contribution[] {
  return contributions.filter((c) => c.planVersionNumber <= versionNumber && isStanding(c.status));
}

/** The "Contributi economici" part of the plan page: what this version grants, as the person reads it in the PDF. */
export function PlanContributions({ plan }: { plan: PlanVersion }) {
  const { t } = useTranslation('contributions');
  const [items, setItems] = useState<Contribution[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    void contributionsApi.list(plan.caseId).then((all) => { setItems(inPlan(all, plan.versionNumber)); }, setFailure);
  }, [plan.caseId, plan.versionNumber, plan.version]);
  return (
    <section aria-labelledby="plan-contributions-title" className="mb-4" data-testid="plan-contributions">
      <h2 id="plan-contributions-title" className="h4">{t('section.title')}</h2>
      <ErrorAlert error={failure} />
      {items?.length === 0 ? <p data-testid="plan-contributions-empty">{t('plan.none')}</p> : null}
      {items && items.length > 0 ? <ContributionsTable contributions={items} caption={t('plan.caption', { n: plan.versionNumber })} testId="plan-contributions-table" /> : null}
    </section>
  );
}
