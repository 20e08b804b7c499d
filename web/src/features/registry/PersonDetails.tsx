import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../src/features/registry/registry.schemas.ts';
import { formatDate, formatDateTime } from '../../platform/format.ts';

function regionName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function PersonDetails({ person }: { person: Person }) {
  const { t, i18n } = useTranslation(['registry', 'common']);
  const lang = i18n.language;
  const empty = t('common:values.empty');
  const address = (a: Person['residence']) =>
    a ? [a.address, [a.postalCode, a.municipalityName].filter(Boolean).join(' ')].join(', ') : empty;
  const rows: [string, string, string?][] = [
    [t('fields.familyName'), person.familyName],
    [t('fields.givenName'), person.givenName],
    [t('fields.fiscalCode'), person.fiscalCode ?? empty, 'fiscal-code'],
    [t('fields.sex'), person.sex ? t(`common:values.sex.${person.sex}`) : empty],
    [t('fields.birthDate'), formatDate(person.birthDate, lang) || empty],
    [t('fields.birthPlace'), person.birthPlaceName ?? person.birthPlaceCode ?? empty],
    [t('fields.citizenship'), person.citizenship ? regionName(person.citizenship, lang) : empty],
    [t('fields.municipality'), person.municipalityName],
    [t('fields.area'), person.areaName ?? empty],
    [t('fields.residence'), address(person.residence)],
    [t('fields.domicile'), address(person.domicile)],
    [t('fields.phone'), person.phone ?? empty],
    [t('fields.email'), person.email ?? empty],
    [t('fields.preferredLanguage'), languageName(person.preferredLanguage, lang)],
    [t('details.updatedAt'), t('details.version', { date: formatDateTime(person.updatedAt, lang), version: person.version })],
  ];
  return (
    <dl className="details-grid" data-testid="person-details">
      {rows.map(([label, value, className]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd className={className}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
