import { useTranslation } from 'react-i18next';
import type { FundingBody } from '../../../../src/features/care-plans/care-plans.codes.ts';
import { formatCents } from '../../../../src/platform/money/euros.ts';

type Totals = {
  monthlyCents: number;
  totalCents: number;
  byFundingBody: { fundingBody: FundingBody; cents: number }[];
  byMonth: { month: string; cents: number }[];
};

/** Totals of the plan: a full month, the whole period, per funding body and per calendar month (all integer cents). */
export function PlanTotalsTable({ totals, id }: { totals: Totals; id: string }) {
  const { t, i18n } = useTranslation('carePlans');
  const money = (cents: number) => formatCents(cents, i18n.language);
  const monthName = (month: string) => {
    const [y = '', m = ''] = month.split('-');
    return `${m}/${y}`;
  };
  return (
    <div data-testid={id}>
      <p>
        {t('totals.monthly')} <strong data-testid={`${id}-monthly`}>{money(totals.monthlyCents)}</strong> · {t('totals.total')}{' '}
        <strong data-testid={`${id}-total`}>{money(totals.totalCents)}</strong>
      </p>
      {totals.byFundingBody.length ? (
        <div className="row">
          <div className="col-md-6">
            <table className="table table-sm">
              <caption>{t('totals.byFundingBody')}</caption>
              <thead><tr><th scope="col">{t('support.fundingBody')}</th><th scope="col" className="text-end">{t('totals.amount')}</th></tr></thead>
              <tbody>
                {totals.byFundingBody.map((f) => (
                  <tr key={f.fundingBody}><th scope="row">{t(`funding.${f.fundingBody}`)}</th><td className="text-end" data-testid={`${id}-funding-${f.fundingBody}`}>{money(f.cents)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="col-md-6">
            <table className="table table-sm">
              <caption>{t('totals.byMonth')}</caption>
              <thead><tr><th scope="col">{t('totals.month')}</th><th scope="col" className="text-end">{t('totals.amount')}</th></tr></thead>
              <tbody>
                {totals.byMonth.map((m) => (
                  <tr key={m.month}><th scope="row">{monthName(m.month)}</th><td className="text-end">{money(m.cents)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </div>
  );
}
