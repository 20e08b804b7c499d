import { useTranslation } from 'react-i18next';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { Link } from 'react-router-dom';
import type { PersonSearchResult } from '../../../../src/features/registry/registry.schemas.ts';
import { formatDate } from '../../platform/format.ts';

export function SearchResultsTable({ result }: { result: PersonSearchResult }) {
  const { t, i18n } = useTranslation(['registry', 'common']);
  const empty = t('common:values.empty');
  if (!result.items.length) return <p data-testid="registry-no-results">{t('search.noResults')}</p>;
  return (
    <DataTable caption={t('search.caption', { page: result.page, count: result.total })} striped testId="registry-results">
      <thead>
        <tr>
          <th scope="col">{t('search.columns.name')}</th>
          <th scope="col">{t('fields.fiscalCode')}</th>
          <th scope="col">{t('fields.birthDate')}</th>
          <th scope="col">{t('fields.sex')}</th>
          <th scope="col">{t('fields.municipality')}</th>
          <th scope="col">{t('search.columns.residence')}</th>
        </tr>
      </thead>
      <tbody>
        {result.items.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              <Link to={`/registry/persons/${encodeURIComponent(p.id)}`} data-testid="registry-result-link">
                {p.familyName} {p.givenName}
              </Link>
            </th>
            <td className="fiscal-code">{p.fiscalCode ?? empty}</td>
            <td>{formatDate(p.birthDate, i18n.language) || empty}</td>
            <td>{p.sex ? t(`common:values.sex.${p.sex}`) : empty}</td>
            <td>{p.municipalityName}</td>
            <td>{p.residenceAddress ?? empty}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
