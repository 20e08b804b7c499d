import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FundingBody, SupportFrequency } from '../../../../src/features/care-plans/care-plans.codes.ts';
import type { PlanComparison } from '../../../../src/features/care-plans/care-plans.schemas.ts';
import { formatQuantity } from '../../../../src/features/care-plans/plan-totals.ts';
import { formatCents } from '../../../../src/platform/money/euros.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { formatDate } from '../../platform/format.ts';
import { carePlansApi } from './care-plans-api.ts';

const MONEY = new Set(['unitCostCents', 'monthlyCents']);
const DATES = new Set(['periodStart', 'periodEnd', 'startDate', 'endDate', 'targetDate', 'reviewOn']);

/** What changed from the previous version, section by section, in words: added, removed, changed (before → after). */
export function PlanCompare({ caseId, n }: { caseId: string; n: number }) {
  const { t, i18n } = useTranslation('carePlans');
  const [comparison, setComparison] = useState<PlanComparison | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    void carePlansApi.compare(caseId, n).then(setComparison, setFailure);
  }, [caseId, n]);
  if (failure) return <ErrorAlert error={failure} />;
  if (!comparison) return <Loading />;
  const value = (field: string, raw: string | null) => {
    if (raw === null || raw === '') return t('compare.empty');
    if (MONEY.has(field)) return formatCents(Number(raw), i18n.language);
    if (field === 'quantityHundredths') return formatQuantity(Number(raw), i18n.language);
    if (DATES.has(field)) return formatDate(raw, i18n.language);
    if (field === 'frequency') return t(`frequency.${raw as SupportFrequency}`);
    if (field === 'fundingBody') return t(`funding.${raw as FundingBody}`);
    if (field === 'whoKind') return t(`whoKind.${raw}`, { defaultValue: raw });
    if (field === 'sharedProviderIds') return t('compare.sharedCount', { count: raw.split(',').length });
    return raw;
  };
  const sections = comparison.sections.filter((s) => s.added.length + s.removed.length + s.changed.length > 0);
  return (
    <section aria-labelledby="plan-compare-title" className="border rounded p-3 mb-4" data-testid="plan-compare">
      <h2 id="plan-compare-title" className="h4">{t('compare.title', { n: comparison.versionNumber, previous: comparison.previousVersionNumber ?? '—' })}</h2>
      {sections.length === 0 ? <p>{t('compare.noChanges')}</p> : null}
      {sections.map((s) => (
        <div key={s.section} className="mb-3" data-testid={`plan-compare-${s.section}`}>
          <h3 className="h5">{t(`sections.${s.section}`)}</h3>
          <ul>
            {s.added.map((a) => <li key={`a-${a.key}`}><span className="badge bg-success me-1">{t('compare.added')}</span>{a.label}</li>)}
            {s.removed.map((r) => <li key={`r-${r.key}`}><span className="badge bg-danger me-1">{t('compare.removed')}</span><del>{r.label}</del></li>)}
            {s.changed.map((c) => (
              <li key={`c-${c.key}`}>
                <span className="badge bg-warning text-dark me-1">{t('compare.changed')}</span>{c.label || t(`sections.${s.section}`)}
                <ul>
                  {c.changes.map((f) => (
                    <li key={f.field}>{t('compare.change', { field: t(`fields.${f.field}`, { defaultValue: f.field }), before: value(f.field, f.before), after: value(f.field, f.after) })}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
