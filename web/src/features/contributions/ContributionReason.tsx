import { useTranslation } from 'react-i18next';
import type { Contribution } from '../../../../src/features/contributions/contributions.schemas.ts';

/** Why the contribution is given, and the pact commitments it is tied to (in the plan's own words). */
export function ContributionReason({ contribution }: { contribution: Pick<Contribution, 'reason' | 'commitments'> }) {
  const { t } = useTranslation('contributions');
  return (
    <>
      {contribution.reason}
      {contribution.commitments.length > 0 ? (
        <div className="small mt-1" data-testid="contribution-linked">
          {t('col.linkedTo')}:
          <ul className="mb-0">
            {contribution.commitments.map((c) => <li key={c.key}>{c.commitment}</li>)}
          </ul>
        </div>
      ) : null}
    </>
  );
}
