import { Alert, Badge, Button } from 'design-react-kit';
import { useCallback, useEffect, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { PlanOverview, PlanVersion } from '../../../../src/features/care-plans/care-plans.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { formatDate } from '../../platform/format.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { useAction } from '../accesses/use-action.ts';
import { carePlansApi } from './care-plans-api.ts';
import { PlanCompare } from './PlanCompare.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { PlanLifecycle } from './PlanLifecycle.tsx';
import { PlanView } from './PlanView.tsx';
import { PLAN_STATUS_COLOR } from './plan-format.ts';

const planPath = (caseId: string, n?: number) => `/cases/${encodeURIComponent(caseId)}/plan${n ? `/versions/${String(n)}` : ''}`;

/**
 * The personalised project of a case: one version (the latest by default), its lifecycle, its versions,
 * the PDF. `extra` shows what other features attach to the version (the economic contributions), so
 * care-plans need not know them.
 */
export function CarePlanPage({ extra }: { extra?: (plan: PlanVersion) => ReactNode }) {
  const { id = '', n } = useParams();
  const { t } = useTranslation(['carePlans', 'common']);
  const [overview, setOverview] = useState<PlanOverview | null>(null);
  const [plan, setPlan] = useState<PlanVersion | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [showCompare, setShowCompare] = useState(false);
  const wanted = n ? Number(n) : null;
  const writer = can(useMe(), permissions.caseWrite);
  usePageTitle(plan ? t('page.titleVersion', { n: plan.versionNumber }) : t('page.title'));

  const load = useCallback(() => {
    setFailure(null);
    void carePlansApi.overview(id).then(async (next) => {
      setOverview(next);
      setPlan(wanted && wanted !== next.latest?.versionNumber ? await carePlansApi.version(id, wanted) : next.latest);
    }).catch(setFailure);
  }, [id, wanted]);
  useEffect(load, [load]);

  const changed = (next: PlanVersion, message: string) => {
    setNotice(message);
    setPlan(next);
    void carePlansApi.overview(id).then(setOverview, setFailure);
  };

  if (failure && !overview) return <ErrorAlert error={failure} />;
  if (!overview) return <Loading />;
  return (
    <>
      <p><Link to={`/cases/${encodeURIComponent(id)}`}>{t('page.backToCase')}</Link></p>
      <h1 data-testid="plan-title">
        {plan ? t('page.titleVersion', { n: plan.versionNumber }) : t('page.title')}{' '}
        {plan ? <Badge color={PLAN_STATUS_COLOR[plan.status]} testId="plan-status">{t(`status.${plan.status}`)}</Badge> : null}
      </h1>
      <div aria-live="polite">{notice ? <Alert color="success" fade={false} testId="plan-notice">{notice}</Alert> : null}</div>
      <ErrorAlert error={failure} />
      {!plan ? <NewPlanForm caseId={id} onCreated={(created) => { changed(created, t('page.created')); }} /> : null}
      {plan ? (
        <>
          <PlanLifecycle plan={plan} onChanged={changed} />
          <p className="d-flex flex-wrap gap-2">
            <a className="btn btn-outline-primary btn-sm" href={carePlansApi.pdfUrl(id, plan.versionNumber, 'it')} target="_blank" rel="noreferrer" data-testid="plan-pdf-it">{t('page.pdfIt')}</a>
            <a className="btn btn-outline-primary btn-sm" href={carePlansApi.pdfUrl(id, plan.versionNumber, 'en')} target="_blank" rel="noreferrer" lang="en" data-testid="plan-pdf-en">{t('page.pdfEn')}</a>
            {plan.versionNumber > 1 ? (
              <Button color="secondary" outline size="sm" type="button" aria-expanded={showCompare} onClick={() => { setShowCompare(!showCompare); }} testId="plan-compare-toggle">
                {showCompare ? t('compare.hide') : t('compare.show', { previous: plan.versionNumber - 1 })}
              </Button>
            ) : null}
          </p>
          {showCompare && plan.versionNumber > 1 ? <PlanCompare key={plan.version} caseId={id} n={plan.versionNumber} /> : null}
          {plan.isEditable && writer ? (
            <PlanEditor key={`${String(plan.versionNumber)}-${String(plan.version)}`} plan={plan} onSaved={(saved) => { changed(saved, t('editor.saved')); }} />
          ) : (
            <PlanView plan={plan} />
          )}
          {extra?.(plan)}
        </>
      ) : null}
      <VersionList caseId={id} overview={overview} current={plan?.versionNumber ?? null} />
    </>
  );
}

function VersionList({ caseId, overview, current }: { caseId: string; overview: PlanOverview; current: number | null }) {
  const { t, i18n } = useTranslation('carePlans');
  if (overview.versions.length === 0) return null;
  return (
    <section aria-labelledby="plan-versions-title" className="mt-4">
      <h2 id="plan-versions-title" className="h4">{t('versions.title')}</h2>
      <ul className="list-unstyled" data-testid="plan-versions">
        {overview.versions.map((v) => (
          <li key={v.versionNumber} className="border-start border-3 ps-3 pb-2">
            {v.versionNumber === current ? (
              <strong aria-current="page">{t('versions.version', { n: v.versionNumber })}</strong>
            ) : (
              <Link to={planPath(caseId, v.versionNumber)}>{t('versions.version', { n: v.versionNumber })}</Link>
            )}{' '}
            · {t(`status.${v.status}`)} · {t('versions.created', { date: formatDate(v.createdAt, i18n.language) })}
            {v.signedOn ? ` · ${t('versions.signed', { date: formatDate(v.signedOn, i18n.language) })}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

function NewPlanForm({ caseId, onCreated }: { caseId: string; onCreated: (plan: PlanVersion) => void }) {
  const { t } = useTranslation('carePlans');
  const me = useMe();
  const navigate = useNavigate();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { busy, failure, run } = useAction();
  if (!can(me, permissions.caseWrite)) return <p>{t('section.none')}</p>;
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(() => carePlansApi.create(caseId, { periodStart: from, periodEnd: to }), (plan) => {
      onCreated(plan);
      void navigate(planPath(caseId), { replace: true });
    });
  };
  return (
    <form onSubmit={submit} noValidate className="mb-4" data-testid="plan-create-form">
      <p>{t('create.about')}</p>
      <ErrorAlert error={failure} />
      <div className="row">
        <TextField id="plan-create-from" className="col-md-4" label={t('editor.periodStart')} type="date" required value={from} onChange={setFrom} />
        <TextField id="plan-create-to" className="col-md-4" label={t('editor.periodEnd')} type="date" required value={to} onChange={setTo} />
      </div>
      <Button color="primary" type="submit" disabled={busy} testId="plan-create-submit">{t('create.submit')}</Button>
    </form>
  );
}
