import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../../src/features/registry/registry.schemas.ts';
import { formatDate } from '../../platform/format.ts';

type Props = { duplicates: readonly DuplicateCandidate[]; testId: string };

/** Likely duplicates, each a link to the existing record (new tab, so the form being filled survives). */
export function DuplicateList({ duplicates, testId }: Props) {
  const { t, i18n } = useTranslation(['registry', 'common']);
  return (
    <ul className="mb-2" data-testid={testId}>
      {duplicates.map((d) => (
        <li key={d.id} data-testid={`${testId}-item`}>
          <a href={`/registry/persons/${encodeURIComponent(d.id)}`} target="_blank" rel="noopener">
            {d.familyName} {d.givenName}
            <span className="visually-hidden"> {t('duplicates.newTab')}</span>
          </a>
          {' — '}
          {[
            d.birthDate ? t('duplicates.born', { date: formatDate(d.birthDate, i18n.language) }) : null,
            d.fiscalCode,
            d.municipalityName,
            d.residenceAddress,
          ]
            .filter(Boolean)
            .join(' · ')}{' '}
          <span className="badge bg-secondary">{t(`duplicates.reason.${d.reason}`)}</span>
        </li>
      ))}
    </ul>
  );
}
