import { Badge, Button, Col, Row } from 'design-react-kit';
import { useCallback, useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CASE_LIST_SCOPES, type CaseListScope } from '../../../../src/features/cases/cases.codes.ts';
import type { CaseListRow } from '../../../../src/features/cases/cases.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { RadioGroup } from '../../platform/components/RadioGroup.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { formatDate } from '../../platform/format.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { casesApi } from './cases-api.ts';
import { casePath, STATUS_COLOR } from './case-format.ts';

const STATUS_FILTERS = ['active', 'open', 'assessing', 'in_charge', 'suspended', 'closed', 'all'] as const;

/** "Casi": mine, my team's, the territory's (existence-only rows for the cases of others). */
export function CaseListPage() {
  const { t, i18n } = useTranslation(['cases', 'common']);
  const me = useMe();
  const [scope, setScope] = useState<CaseListScope>(can(me, permissions.caseManage) ? 'territory' : 'mine');
  const [status, setStatus] = useState<(typeof STATUS_FILTERS)[number]>('active');
  const [reviewDue, setReviewDue] = useState(false);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<CaseListRow[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  usePageTitle(t('list.title'));

  const load = useCallback(() => {
    setFailure(null);
    void casesApi.list({ scope, status, q: q || undefined, reviewDue: reviewDue ? 'true' : undefined }).then(setRows, setFailure);
  }, [scope, status, q, reviewDue]);
  useEffect(load, [load]);
  const search = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQ(text.trim());
  };
  const statusLabel = (value: (typeof STATUS_FILTERS)[number]) => (value === 'active' || value === 'all' ? t(`list.statusOptions.${value}`) : t(`status.${value}`));

  return (
    <>
      <h1>{t('list.title')}</h1>
      <p>{t('list.intro')}</p>
      <Row>
        <Col xs={12} lg={5}>
          <RadioGroup id="case-scope" legend={t('list.view')} value={scope} options={CASE_LIST_SCOPES.map((value) => ({ value, label: t(`list.${value}`) }))} onChange={(value) => { setScope(value as CaseListScope); }} />
        </Col>
        <Col xs={12} md={6} lg={3}>
          <SelectField id="case-status" label={t('list.statusFilter')} value={status} options={STATUS_FILTERS.map((value) => ({ value, label: statusLabel(value) }))} onChange={(value) => { setStatus(value as (typeof STATUS_FILTERS)[number]); }} />
        </Col>
        <Col xs={12} md={6} lg={4}>
          <CheckboxField id="case-review-due" label={t('list.reviewDue')} checked={reviewDue} onChange={setReviewDue} testId="case-review-due" />
        </Col>
      </Row>
      <form onSubmit={search} className="d-flex gap-2 align-items-end mb-3" role="search">
        <TextField id="case-search" label={t('list.search')} type="search" value={text} onChange={setText} className="flex-grow-1 mb-0" />
        <Button color="primary" type="submit" testId="case-search-submit">{t('list.searchSubmit')}</Button>
      </form>
      <ErrorAlert error={failure} />
      {!rows && !failure ? <Loading /> : null}
      {rows ? (
        <DataTable caption={t('list.caption')} captionHidden testId="case-table" size="sm">
          <thead>
            <tr>
              <th scope="col">{t('list.columns.reference')}</th>
              <th scope="col">{t('list.columns.status')}</th>
              <th scope="col">{t('list.columns.persons')}</th>
              <th scope="col">{t('list.columns.owner')}</th>
              <th scope="col">{t('list.columns.team')}</th>
              <th scope="col">{t('list.columns.review')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? <tr><td colSpan={6}>{t('list.empty')}</td></tr> : null}
            {rows.map((row) => (
              <tr key={row.id} data-testid="case-row" data-access={row.access}>
                <td><Link to={casePath(row.id)}>{row.reference}</Link></td>
                <td>{row.status ? <Badge color={STATUS_COLOR[row.status]}>{t(`status.${row.status}`)}</Badge> : null}</td>
                <td>{row.access === 'full' ? row.persons.map((p) => `${p.familyName} ${p.givenName}`).join(', ') : <em>{t('list.existsOnly')}</em>}</td>
                <td>{row.owner.displayName}</td>
                <td>{row.team?.name ?? ''}</td>
                <td>
                  {row.access === 'full' && row.nextReviewOn ? formatDate(row.nextReviewOn, i18n.language) : ''}
                  {row.access === 'full' && row.reviewOverdue ? <> <Badge color="danger">{t('list.overdue')}</Badge></> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </>
  );
}
