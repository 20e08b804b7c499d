import { Button, Col, Row } from 'design-react-kit';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { PersonSearchResult } from '../../../../src/features/registry/registry.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { PagerNav } from '../../platform/components/PagerNav.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { useMyMunicipalities } from '../territories/use-my-municipalities.ts';
import { FISCAL_CODE, registryApi } from './registry-api.ts';
import { SearchResultsTable } from './SearchResultsTable.tsx';

const PAGE_SIZE = 20;

/** One box for a name or a fiscal code, optional birth date and municipality; criteria live in the URL. */
export function RegistrySearchPage() {
  const { t } = useTranslation(['registry', 'common']);
  const me = useMe();
  const mine = useMyMunicipalities();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [birthDate, setBirthDate] = useState(params.get('birthDate') ?? '');
  const [municipalityCode, setMunicipalityCode] = useState(params.get('municipalityCode') ?? '');
  const [result, setResult] = useState<PersonSearchResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [searching, setSearching] = useState(false);
  const key = params.toString();
  usePageTitle(t('search.title'));

  useEffect(() => {
    const query = new URLSearchParams(key);
    if (!query.has('searched')) {
      setResult(null);
      return undefined;
    }
    const text = (query.get('q') ?? '').trim();
    const isFiscalCode = FISCAL_CODE.test(text);
    const controller = new AbortController();
    setSearching(true);
    setFailure(null);
    void registryApi
      .search(
        {
          q: isFiscalCode ? undefined : text || undefined,
          fiscalCode: isFiscalCode ? text.toUpperCase() : undefined,
          birthDate: query.get('birthDate') || undefined,
          municipalityCode: query.get('municipalityCode') || undefined,
          page: Number(query.get('page') ?? '1') || 1,
          pageSize: PAGE_SIZE,
        },
        controller.signal,
      )
      .then(setResult, (error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError')) setFailure(error);
      })
      .finally(() => { setSearching(false); });
    return () => { controller.abort(); };
  }, [key]);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams({ searched: '1' });
    if (q.trim()) next.set('q', q.trim());
    if (birthDate) next.set('birthDate', birthDate);
    if (municipalityCode) next.set('municipalityCode', municipalityCode);
    setParams(next);
  };

  const goToPage = (page: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    setParams(next);
  };

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2">
        <h1 className="mb-0">{t('search.title')}</h1>
        {can(me, permissions.personWrite) ? (
          <Link to="/registry/new" className="btn btn-primary" data-testid="registry-new-person">
            {t('search.newPerson')}
          </Link>
        ) : null}
      </div>
      <p>{t('search.intro')}</p>
      <form role="search" onSubmit={submit} noValidate aria-label={t('search.formLabel')} className="mb-3">
        <Row>
          <Col xs={12} lg={5}>
            <TextField id="registry-search-q" type="search" label={t('search.q')} hint={t('search.qHint')} value={q} onChange={setQ} autoComplete="off" spellCheck={false} />
          </Col>
          <Col xs={12} md={6} lg={3}>
            <TextField id="registry-search-birth-date" type="date" label={t('search.birthDate')} value={birthDate} onChange={setBirthDate} />
          </Col>
          <Col xs={12} md={6} lg={4}>
            <SelectField
              id="registry-search-municipality"
              label={t('search.municipality')}
              value={municipalityCode}
              placeholder={t('search.allMunicipalities')}
              options={mine.options}
              onChange={setMunicipalityCode}
            />
          </Col>
        </Row>
        <Button color="primary" type="submit" testId="registry-search-submit">
          {t('common:actions.search')}
        </Button>
      </form>
      <ErrorAlert error={failure} />
      <div aria-live="polite" aria-busy={searching}>
        {searching ? <Loading label={t('search.searching')} /> : null}
        {result && !searching ? (
          <p className="fw-semibold" data-testid="registry-search-count">{result.totalCapped ? t('search.countCapped', { count: result.total }) : t('search.count', { count: result.total })}</p>
        ) : null}
      </div>
      {result ? (
        <>
          <SearchResultsTable result={result} />
          <PagerNav page={result.page} pageSize={result.pageSize} total={result.total} onPage={goToPage} testId="registry-pager" />
        </>
      ) : null}
    </>
  );
}
