import { Badge } from 'design-react-kit';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionStatus } from '../../../../src/features/contributions/contributions.codes.ts';
import type { Contribution } from '../../../../src/features/contributions/contributions.schemas.ts';
import { formatCents } from '../../../../src/platform/money/euros.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { formatDate, formatMonth } from '../../platform/format.ts';
import { ContributionReason } from './ContributionReason.tsx';

export const STATUS_COLOR: Record<ContributionStatus, string> = { proposed: 'warning', approved: 'success', rejected: 'danger', revoked: 'secondary' };

type Props = { contributions: Contribution[]; caption: string; testId?: string; action?: (c: Contribution) => ReactNode };

/** Contributions with beneficiary, amount, months, reason and pact, funding, status and the team's decision; `action` ends the last cell. */
export function ContributionsTable({ contributions, caption, testId = 'contributions-table', action }: Props) {
  const { t, i18n } = useTranslation('contributions');
  return (
    <DataTable caption={caption} captionHidden size="sm" testId={testId}>
      <thead>
        <tr>
          <th scope="col">{t('col.beneficiary')}</th>
          <th scope="col">{t('col.amount')}</th>
          <th scope="col">{t('col.period')}</th>
          <th scope="col">{t('col.reason')}</th>
          <th scope="col">{t('col.funding')}</th>
          <th scope="col">{t('col.status')}</th>
          <th scope="col">{t('col.decision')}</th>
        </tr>
      </thead>
      <tbody>
        {contributions.map((c) => (
          <tr key={c.id} data-testid="contribution-row">
            <th scope="row">{c.personName}</th>
            <td><span className="text-nowrap">{formatCents(c.amountCents, i18n.language)}</span> <span className="small">({t(`kind.${c.kind}`)})</span></td>
            <td>{c.months > 1 ? t('period', { count: c.months, from: formatMonth(c.firstMonth, i18n.language, true) }) : formatMonth(c.firstMonth, i18n.language)}</td>
            <td><ContributionReason contribution={c} /></td>
            <td>{t(`funding.${c.fundingLine}`)}</td>
            <td><Badge color={STATUS_COLOR[c.status]}>{t(`status.${c.status}`)}</Badge></td>
            <td>
              {c.decision ? t('decisionLine', { decision: t(`decision.${c.decision.decision}`), date: formatDate(c.decision.heldOn, i18n.language), by: c.decision.decidedBy.displayName }) : null}
              {action?.(c)}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
