import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { WorklistSummary } from '../../../../src/features/worklist/worklist.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { WORKLIST_CHANGED, worklistApi } from './worklist-api.ts';

/** The header counter: items needing attention (new ones since "seen"), linking to the worklist. One request per page. */
export function WorklistBell() {
  const me = useMe();
  const allowed = can(me, permissions.caseRead);
  const { pathname } = useLocation();
  const [summary, setSummary] = useState<WorklistSummary | null>(null);
  useEffect(() => {
    if (!allowed) return undefined;
    const read = () => { void worklistApi.summary().then(setSummary, () => { setSummary(null); }); };
    read();
    window.addEventListener(WORKLIST_CHANGED, read);
    return () => { window.removeEventListener(WORKLIST_CHANGED, read); };
  }, [allowed, pathname]);
  if (!allowed) return null;
  return <BellLink summary={summary} />;
}

function BellLink({ summary }: { summary: WorklistSummary | null }) {
  const { t } = useTranslation('worklist');
  const count = (n: number) => (summary && n >= summary.cap ? `${summary.cap - 1}+` : String(n));
  return (
    <Link to="/worklist" className="app-header-link" data-testid="worklist-bell">
      <span aria-hidden="true">🔔 </span>
      {t('bell.title')}
      {summary && summary.unseen > 0 ? (
        <span className="badge bg-danger ms-1" data-testid="worklist-bell-unseen">{count(summary.unseen)}<span className="visually-hidden"> {t('bell.new')}</span></span>
      ) : null}
      {summary && summary.unseen === 0 && summary.total > 0 ? (
        <span className="badge bg-light text-dark ms-1" data-testid="worklist-bell-total">{count(summary.total)}<span className="visually-hidden"> {t('bell.items')}</span></span>
      ) : null}
    </Link>
  );
}
