import { Button, Col, Row } from 'design-react-kit';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { AccessLogPage } from '../../../../src/platform/audit/access-log.schemas.ts';
import { api, withQuery } from '../../platform/api/api-client.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { PagerNav } from '../../platform/components/PagerNav.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { AccessLogTable } from './AccessLogTable.tsx';

const PAGE_SIZE = 50;

/** The access log across the manager's territory, filtered by date, user or person (filters live in the URL). */
export function AuditPage() {
  const { t } = useTranslation(['audit', 'common']);
  const [params, setParams] = useSearchParams();
  const filters = {
    personId: params.get('personId') ?? undefined,
    userId: params.get('userId') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    page: Number(params.get('page') ?? '1') || 1,
  };
  const [from, setFrom] = useState(filters.from ?? '');
  const [to, setTo] = useState(filters.to ?? '');
  const [result, setResult] = useState<AccessLogPage | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const key = params.toString();
  usePageTitle(t('title'));

  useEffect(() => {
    setResult(null);
    setFailure(null);
    const query = new URLSearchParams(key);
    const path = withQuery('/access-log', {
      personId: query.get('personId'),
      userId: query.get('userId'),
      from: query.get('from'),
      to: query.get('to'),
      page: query.get('page'),
      pageSize: PAGE_SIZE,
    });
    void api.get<AccessLogPage>(path).then(setResult, setFailure);
  }, [key]);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    update({ from: from || undefined, to: to || undefined });
  };

  const filterLink = (filter: { userId?: string; personId?: string }) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(filter)) if (value) next.set(name, value);
    next.delete('page');
    return `/audit?${next.toString()}`;
  };

  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <form onSubmit={submit} noValidate aria-label={t('filters')} className="mb-3">
        <Row>
          <Col xs={12} md={4}>
            <TextField id="audit-from" type="date" label={t('from')} value={from} onChange={setFrom} />
          </Col>
          <Col xs={12} md={4}>
            <TextField id="audit-to" type="date" label={t('to')} value={to} onChange={setTo} />
          </Col>
          <Col xs={12} md={4} className="d-flex align-items-start gap-2 flex-wrap">
            <Button color="primary" type="submit" testId="audit-search">
              {t('common:actions.search')}
            </Button>
            <Link to="/audit" className="btn btn-outline-primary" onClick={() => { setFrom(''); setTo(''); }}>
              {t('common:actions.reset')}
            </Link>
          </Col>
        </Row>
        {filters.userId || filters.personId ? (
          <ul className="list-inline" aria-label={t('activeFilters')}>
            {filters.userId ? (
              <li className="list-inline-item">
                {t('filterUser')}{' '}
                <Button color="primary" outline size="xs" type="button" onClick={() => { update({ userId: undefined }); }}>
                  {t('removeFilter')}
                </Button>
              </li>
            ) : null}
            {filters.personId ? (
              <li className="list-inline-item">
                {t('filterPerson')}{' '}
                <Button color="primary" outline size="xs" type="button" onClick={() => { update({ personId: undefined }); }}>
                  {t('removeFilter')}
                </Button>
              </li>
            ) : null}
          </ul>
        ) : null}
      </form>
      <ErrorAlert error={failure} />
      {!result && !failure ? <Loading /> : null}
      {result ? (
        <>
          <AccessLogTable
            entries={result.items}
            caption={t('caption', { count: result.total })}
            filterLink={filterLink}
            testId="audit-table"
          />
          <PagerNav
            page={result.page}
            pageSize={result.pageSize}
            total={result.total}
            onPage={(page) => { update({ page: String(page) }); }}
            testId="audit-pager"
          />
        </>
      ) : null}
    </>
  );
}
