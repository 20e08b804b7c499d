import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PastMembership } from '../../../../src/features/households/households.schemas.ts';
import { formatDate } from '../../platform/format.ts';

/** The person's past memberships, newest first, each with the household's address and who lived there then. */
export function HouseholdHistory({ history, personId }: { history: readonly PastMembership[]; personId: string }) {
  const { t, i18n } = useTranslation('households');
  const date = (iso: string) => formatDate(iso, i18n.language);
  if (history.length === 0) return <p data-testid="household-history-empty">{t('history.empty')}</p>;
  return (
    <ol className="list-unstyled" data-testid="household-history">
      {history.map((past) => (
        <li key={past.membershipId} className="border-start border-3 ps-3 mb-3">
          <p className="fw-semibold mb-1">
            {t('history.period', { from: date(past.validFrom), to: date(past.validTo) })}, {t('history.as', { relationship: t(`relationships.${past.relationship}`) })}
          </p>
          <p className="mb-1">
            {past.address ? [past.address.address, past.address.postalCode, past.address.municipalityName].filter(Boolean).join(', ') : t('address.none')}
            {' · '}
            {past.municipalityName}
          </p>
          {past.endReason ? <p className="small mb-1">{t('history.reason', { reason: t(`endReasons.${past.endReason}`) })}</p> : null}
          <p className="small mb-0">{t('history.members')}:</p>
          <ul className="small">
            {past.members.map((member) => {
              const name = `${member.person.familyName} ${member.person.givenName}`;
              const relationship = t(`relationships.${member.relationship}`);
              return (
                <li key={member.membershipId}>
                  {member.person.id === personId ? name : <Link to={`/registry/persons/${encodeURIComponent(member.person.id)}`}>{name}</Link>}
                  {' — '}
                  {member.validTo
                    ? t('history.memberPeriodEnded', { relationship, from: date(member.validFrom), to: date(member.validTo) })
                    : t('history.memberPeriod', { relationship, from: date(member.validFrom) })}
                </li>
              );
            })}
            {past.hiddenMembers > 0 ? <li>{t('section.hiddenMembers', { count: past.hiddenMembers })}</li> : null}
          </ul>
        </li>
      ))}
    </ol>
  );
}
