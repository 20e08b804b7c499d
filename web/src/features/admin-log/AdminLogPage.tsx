import { Button, Col, Row } from 'design-react-kit';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { adminEntityTypes } from '../../../../src/features/admin-log/admin-log.codes.ts';
import type { AdminLogPage as Page } from '../../../../src/features/admin-log/admin-log.schemas.ts';
import { api, withQuery } from '../../platform/api/api-client.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { PagerNav } from '../../platform/components/PagerNav.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { AdminLogTable } from './AdminLogTable.tsx';

const PAGE_SIZE = 50;

/** The administration trail of the reader's territory and of installation-wide settings; filters live in the URL. */
export function AdminLogPage() {
  const { t } = useTranslation(['adminLog', 'common']);
  const [params, setParams] = useSearchParams();
  const [entityType, setEntityType] = useState(params.get('entityType') ?? '');
  const [from, setFrom] = useState(params.get('from') ?? '');
  const [to, setTo] = useState(params.get('to') ?? '');
  const [result, setResult] = useState<Page | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const key = params.toString();
  usePageTitle(t('title'));

  useEffect(() => {
    setResult(null);
    setFailure(null);
    const query = new URLSearchParams(key);
    const path = withQuery('/admin-log', {
      entityType: query.get('entityType'),
      entityId: query.get('entityId'),
      actorId: query.get('actorId'),
      from: query.get('from'),
      to: query.get('to'),
      page: query.get('page'),
      pageSize: PAGE_SIZE,
    });
    void api.get<Page>(path).then(setResult, setFailure);
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
    update({ entityType: entityType || undefined, entityId: entityType === params.get('entityType') ? (params.get('entityId') ?? undefined) : undefined, from: from || undefined, to: to || undefined });
  };

  const filterLink = (filter: { actorId?: string; entityType?: string; entityId?: string }) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(filter)) if (value) next.set(name, value);
    next.delete('page');
    return `/admin-log?${next.toString()}`;
  };

  const actorId = params.get('actorId');
  const entityId = params.get('entityId');
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <form onSubmit={submit} noValidate aria-label={t('filters')} className="mb-3">
        <Row>
          <Col xs={12} md={3}>
            <SelectField
              id="admin-log-entity"
              label={t('entity')}
              value={entityType}
              placeholder={t('allEntities')}
              options={adminEntityTypes.map((type) => ({ value: type, label: t(`entities.${type}`) }))}
              onChange={setEntityType}
            />
          </Col>
          <Col xs={12} md={3}>
            <TextField id="admin-log-from" type="date" label={t('from')} value={from} onChange={setFrom} />
          </Col>
          <Col xs={12} md={3}>
            <TextField id="admin-log-to" type="date" label={t('to')} value={to} onChange={setTo} />
          </Col>
          <Col xs={12} md={3} className="d-flex align-items-start gap-2 flex-wrap">
            <Button color="primary" type="submit" testId="admin-log-search">
              {t('common:actions.search')}
            </Button>
            <Link to="/admin-log" className="btn btn-outline-primary" onClick={() => { setEntityType(''); setFrom(''); setTo(''); }}>
              {t('common:actions.reset')}
            </Link>
          </Col>
        </Row>
        {actorId || entityId ? (
          <ul className="list-inline" aria-label={t('activeFilters')}>
            {actorId ? (
              <li className="list-inline-item">
                {t('filterActor')}{' '}
                <Button color="primary" outline size="xs" type="button" onClick={() => { update({ actorId: undefined }); }}>
                  {t('removeFilter')}
                </Button>
              </li>
            ) : null}
            {entityId ? (
              <li className="list-inline-item">
                {t('filterEntity')}{' '}
                <Button color="primary" outline size="xs" type="button" onClick={() => { update({ entityId: undefined }); }}>
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
          <AdminLogTable entries={result.items} caption={t('caption', { count: result.total })} filterLink={filterLink} />
          <PagerNav
            page={result.page}
            pageSize={result.pageSize}
            total={result.total}
            onPage={(page) => { update({ page: String(page) }); }}
            testId="admin-log-pager"
          />
        </>
      ) : null}
    </>
  );
}
