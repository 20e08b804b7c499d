import { Badge } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseListRow } from '../../../../src/features/cases/cases.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { casesApi } from './cases-api.ts';
import { casePath, openCasePath, STATUS_COLOR } from './case-format.ts';

/** The person's cases: full rows for those who may read them, "a case exists, call X" for the others. */
export function PersonCasesSection({ personId, purpose }: { personId: string; purpose: string | undefined }) {
  const { t } = useTranslation('cases');
  const me = useMe();
  const [rows, setRows] = useState<CaseListRow[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    setRows(null);
    setFailure(null);
    void casesApi.ofPerson(personId, purpose).then(setRows, setFailure);
  }, [personId, purpose]);
  const reader = can(me, permissions.caseRead);
  return (
    <section aria-labelledby="cases-title" className="mb-4" data-testid="person-cases">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2">
        <h2 id="cases-title" className="h4 mb-0">{t('section.title')}</h2>
        {can(me, permissions.caseWrite) ? (
          <Link to={openCasePath({ personId })} className="btn btn-primary btn-sm" data-testid="person-open-case">{t('section.open')}</Link>
        ) : null}
      </div>
      <ErrorAlert error={failure} testId="person-cases-error" />
      {!rows && !failure ? <Loading /> : null}
      {rows?.length === 0 ? <p data-testid="person-cases-empty">{t('section.empty')}</p> : null}
      {rows?.length ? (
        <ul className="list-unstyled mt-3">
          {rows.map((row) => (
            <li key={row.id} className="border-start border-3 ps-3 pb-2" data-testid="person-case" data-access={row.access}>
              {row.access === 'full' ? (
                <>
                  <Link to={casePath(row.id)}>{row.reference}</Link> <Badge color={STATUS_COLOR[row.status]}>{t(`status.${row.status}`)}</Badge>
                  {' · '}{row.owner.displayName}{row.team ? ` · ${row.team.name}` : ''}
                  {(() => {
                    const role = row.persons.find((p) => p.personId === personId)?.role;
                    return role && role !== 'beneficiary' ? ` · ${t('section.asRole', { role: t(`role.${role}`).toLowerCase() })}` : '';
                  })()}
                </>
              ) : (
                <>
                  {reader ? <Link to={casePath(row.id)}>{t('section.exists', { reference: row.reference, owner: row.owner.displayName })}</Link> : t('section.exists', { reference: row.reference, owner: row.owner.displayName })}
                  {row.team ? `, ${t('section.existsTeam', { team: row.team.name })}` : ''}
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
