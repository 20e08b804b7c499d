import { useTranslation } from 'react-i18next';
import type { PlanVersion } from '../../../../src/features/care-plans/care-plans.schemas.ts';
import { formatQuantity } from '../../../../src/features/care-plans/plan-totals.ts';
import { formatCents } from '../../../../src/platform/money/euros.ts';
import { formatDate } from '../../platform/format.ts';
import { PlanTotalsTable } from './PlanTotalsTable.tsx';

/** A version as read: agreed versions (and drafts for readers) are shown, never edited. */
export function PlanView({ plan }: { plan: PlanVersion }) {
  const { t, i18n } = useTranslation(['carePlans', 'catalogue']);
  const day = (iso: string | null) => (iso ? formatDate(iso, i18n.language) : '—');
  const money = (cents: number) => formatCents(cents, i18n.language);
  return (
    <div data-testid="plan-view">
      <p>{t('section.period', { from: day(plan.periodStart), to: day(plan.periodEnd) })}</p>
      {plan.summary ? <p>{plan.summary}</p> : null}
      <h2 className="h4">{t('editor.objectives')}</h2>
      {plan.objectives.length === 0 ? <p>{t('editor.none')}</p> : null}
      <ol data-testid="plan-view-objectives">
        {plan.objectives.map((o) => (
          <li key={o.id} className="mb-2">
            {o.description}
            {o.results.length ? (
              <ul>
                {o.results.map((r) => (
                  <li key={r.id}>{t('view.result', { description: r.description, indicator: r.indicator, date: day(r.targetDate) })}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      <h2 className="h4">{t('editor.supports')}</h2>
      {plan.supports.length === 0 ? <p>{t('editor.none')}</p> : (
        <div className="table-responsive">
          <table className="table table-sm" data-testid="plan-view-supports">
            <caption className="visually-hidden">{t('editor.supports')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('support.service')}</th><th scope="col">{t('support.provider')}</th><th scope="col">{t('support.quantity')}</th>
                <th scope="col">{t('support.dates')}</th><th scope="col">{t('support.unitCost')}</th><th scope="col">{t('support.fundingBody')}</th><th scope="col" className="text-end">{t('support.monthly')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.supports.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.serviceName}</th>
                  <td>{s.providerName ?? t('support.direct')}</td>
                  <td>{formatQuantity(s.quantityHundredths, i18n.language)} {t(`catalogue:units.${s.unit}`)} {t(`frequency.${s.frequency}`)}</td>
                  <td>{s.frequency === 'one_off' ? day(s.startDate) : `${day(s.startDate)} – ${day(s.endDate)}`}</td>
                  <td className="text-nowrap">{money(s.unitCostCents)}</td>
                  <td>{t(`funding.${s.fundingBody}`)}</td>
                  <td className="text-end">{money(s.monthlyCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PlanTotalsTable id="plan-view-totals" totals={plan.totals} />
      <h2 className="h4">{t('editor.commitments')}</h2>
      {plan.commitments.length === 0 ? <p>{t('editor.none')}</p> : null}
      <ul>{plan.commitments.map((c) => <li key={c.id}><strong>{c.whoName}</strong>: {c.commitment}</li>)}</ul>
      <h2 className="h4">{t('editor.tasks')}</h2>
      {plan.tasks.length === 0 ? <p>{t('editor.none')}</p> : null}
      <ul>{plan.tasks.map((x) => <li key={x.id}><strong>{x.whoName}</strong> ({t(`whoKind.${x.whoKind}`)}): {x.task}</li>)}</ul>
      <h2 className="h4">{t('editor.reviews')}</h2>
      {plan.reviews.length === 0 ? <p>{t('editor.none')}</p> : null}
      <ul>{plan.reviews.map((r) => <li key={r.id}>{day(r.reviewOn)}{r.note ? `: ${r.note}` : ''}</li>)}</ul>
    </div>
  );
}
