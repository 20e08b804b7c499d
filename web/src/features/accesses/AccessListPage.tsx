import { Alert, Button, Col, Row } from 'design-react-kit';
import { Fragment, useCallback, useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { AccessPage } from '../../../../src/features/accesses/accesses.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { PagerNav } from '../../platform/components/PagerNav.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { formatDateTime } from '../../platform/format.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { useMyMunicipalities } from '../territories/use-my-municipalities.ts';
import { accessesApi, type AccessListParams } from './accesses-api.ts';
import type { AccessNotice } from './AccessNewPage.tsx';
import { LinkPersonPanel } from './LinkPersonPanel.tsx';
import { useCodeOptions, useNeedAreas } from './use-access-options.ts';

type Filters = { municipalityCode: string; from: string; to: string; outcome: string; unlinked: boolean };
const PAGE_SIZE = 25;

/** The desk's recent accesses of its territories, anonymous ones included, with linking of a person. */
export function AccessListPage() {
  const { t, i18n } = useTranslation(['accesses', 'common']);
  const me = useMe();
  const location = useLocation();
  const notice = (location.state as AccessNotice)?.accessNotice;
  const mine = useMyMunicipalities();
  const codes = useCodeOptions();
  const needAreas = useNeedAreas();
  const [draft, setDraft] = useState<Filters>({ municipalityCode: '', from: '', to: '', outcome: '', unlinked: false });
  const [params, setParams] = useState<AccessListParams>({ page: 1, pageSize: PAGE_SIZE });
  const [result, setResult] = useState<AccessPage | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [linking, setLinking] = useState<string | null>(null);
  const [linked, setLinked] = useState(false);
  usePageTitle(t('list.title'));

  const load = useCallback((next: AccessListParams) => {
    setFailure(null);
    void accessesApi.list(next).then(setResult, setFailure);
  }, []);
  useEffect(() => { load(params); }, [load, params]);

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => { setDraft((current) => ({ ...current, [key]: value })); };
  const search = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setParams({
      municipalityCode: draft.municipalityCode || undefined,
      from: draft.from || undefined,
      to: draft.to || undefined,
      outcome: draft.outcome || undefined,
      unlinked: draft.unlinked ? 'true' : undefined,
      page: 1,
      pageSize: PAGE_SIZE,
    });
  };
  const writer = can(me, permissions.accessWrite);

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2">
        <h1>{t('list.title')}</h1>
        {writer ? <Link to="/accesses/new" className="btn btn-primary" data-testid="accesses-new">{t('list.new')}</Link> : null}
      </div>
      <p>{t('list.intro')}</p>
      <div aria-live="polite">
        {notice ? <Alert color="success" fade={false} testId="access-created">{t(`new.${notice}`)}</Alert> : null}
        {linked ? <Alert color="success" fade={false} testId="access-linked">{t('link.done')}</Alert> : null}
      </div>
      <form onSubmit={search} noValidate className="mb-3" aria-labelledby="accesses-filters-title" data-testid="accesses-filters">
        <h2 id="accesses-filters-title" className="h5">{t('list.filters')}</h2>
        <Row>
          <Col xs={12} md={3}>
            <SelectField id="accesses-municipality" label={t('fields.municipality')} value={draft.municipalityCode} options={mine.options} placeholder={t('list.anyMunicipality')} onChange={(value) => { set('municipalityCode', value); }} />
          </Col>
          <Col xs={6} md={2}>
            <TextField id="accesses-from" type="date" label={t('list.from')} value={draft.from} onChange={(value) => { set('from', value); }} />
          </Col>
          <Col xs={6} md={2}>
            <TextField id="accesses-to" type="date" label={t('list.to')} value={draft.to} onChange={(value) => { set('to', value); }} />
          </Col>
          <Col xs={12} md={3}>
            <SelectField id="accesses-outcome" label={t('fields.outcome')} value={draft.outcome} options={codes.outcomes} placeholder={t('list.anyOutcome')} onChange={(value) => { set('outcome', value); }} />
          </Col>
          <Col xs={12} md={2} className="d-flex align-items-end">
            <Button color="primary" type="submit" testId="accesses-search">{t('common:actions.search')}</Button>
          </Col>
        </Row>
        <CheckboxField id="accesses-unlinked" label={t('list.unlinked')} checked={draft.unlinked} onChange={(value) => { set('unlinked', value); }} />
      </form>
      <ErrorAlert error={failure} />
      {!result && !failure ? <Loading /> : null}
      {result ? (
        <>
          <p aria-live="polite" data-testid="accesses-total">{t('list.total', { count: result.total })}</p>
          <DataTable caption={t('list.caption')} captionHidden testId="accesses-table" size="sm">
            <thead>
              <tr>
                <th scope="col">{t('list.columns.when')}</th>
                <th scope="col">{t('list.columns.desk')}</th>
                <th scope="col">{t('list.columns.persons')}</th>
                <th scope="col">{t('list.columns.channel')}</th>
                <th scope="col">{t('list.columns.need')}</th>
                <th scope="col">{t('list.columns.request')}</th>
                <th scope="col">{t('list.columns.outcome')}</th>
                {writer ? <th scope="col">{t('list.columns.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {result.items.length === 0 ? (
                <tr><td colSpan={writer ? 8 : 7}>{t('list.empty')}</td></tr>
              ) : null}
              {result.items.map((access) => (
                <Fragment key={access.id}>
                  <tr data-testid="access-row">
                    <td>{formatDateTime(access.occurredAt, i18n.language)}</td>
                    <td>{access.municipalityName}</td>
                    <td>
                      {access.persons.length
                        ? access.persons.map((p) => (
                            <div key={p.personId}>
                              <Link to={`/registry/persons/${encodeURIComponent(p.personId)}`}>{p.familyName} {p.givenName}</Link>
                              {p.involvement !== 'beneficiary' ? ` (${t(`involvement.${p.involvement}`)})` : ''}
                            </div>
                          ))
                        : <em>{t('list.anonymous', { description: access.anonymousDescription ?? '' })}</em>}
                    </td>
                    <td>{t(`channel.${access.channel}`)}</td>
                    <td>{needAreas.labelOf(access.needAreaCode)}</td>
                    <td>{access.request}</td>
                    <td>
                      {t(`outcome.${access.outcome}`)}
                      {access.referralUrgency ? ` (${t(`urgency.${access.referralUrgency}`)})` : ''}
                    </td>
                    {writer ? (
                      <td>
                        {access.persons.length === 0 ? (
                          <Button color="primary" outline size="xs" type="button" onClick={() => { setLinking(access.id); setLinked(false); }} testId="access-link" aria-expanded={linking === access.id}>
                            {t('list.link')}
                          </Button>
                        ) : null}{' '}
                        <Link to={`/accesses/${encodeURIComponent(access.id)}/edit`} className="btn btn-outline-secondary btn-xs">{t('section.edit')}</Link>
                      </td>
                    ) : null}
                  </tr>
                  {linking === access.id ? (
                    <tr>
                      <td colSpan={8}>
                        <LinkPersonPanel access={access} onCancel={() => { setLinking(null); }} onLinked={() => { setLinking(null); setLinked(true); load(params); }} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </DataTable>
          <PagerNav page={result.page} pageSize={result.pageSize} total={result.total} onPage={(page) => { setParams((current) => ({ ...current, page })); }} testId="accesses-pager" />
        </>
      ) : null}
    </>
  );
}
