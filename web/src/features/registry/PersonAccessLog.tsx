import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessLogPage } from '../../../../src/platform/audit/access-log.schemas.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { PagerNav } from '../../platform/components/PagerNav.tsx';
import { AccessLogTable } from '../audit/AccessLogTable.tsx';
import { registryApi } from './registry-api.ts';

/** Who looked at this person's data (service managers: permission audit.read). */
export function PersonAccessLog({ personId, purpose }: { personId: string; purpose: string | undefined }) {
  const { t } = useTranslation(['registry', 'common']);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<AccessLogPage | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    setFailure(null);
    void registryApi.accessLog(personId, page, purpose).then(setResult, setFailure);
  }, [personId, page, purpose]);

  return (
    <section aria-labelledby="access-log-title" className="mb-4" data-testid="person-access-log">
      <h2 id="access-log-title" className="h4">{t('accessLog.title')}</h2>
      <ErrorAlert error={failure} />
      {!result && !failure ? <Loading /> : null}
      {result ? (
        <>
          <AccessLogTable
            entries={result.items}
            caption={t('accessLog.caption', { count: result.total })}
            showPerson={false}
            testId="person-access-log-table"
          />
          <PagerNav page={result.page} pageSize={result.pageSize} total={result.total} onPage={setPage} testId="access-log-pager" />
        </>
      ) : null}
    </section>
  );
}
