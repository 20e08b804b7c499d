import { Alert, Badge, Button } from 'design-react-kit';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { CaseDetail, CaseExistence, CaseView } from '../../../../src/features/cases/cases.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions, type Permission } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { formatDate, formatDateTime } from '../../platform/format.ts';
import { namespaces } from '../../platform/i18n/resources.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { useNeedAreas } from '../accesses/use-access-options.ts';
import { BreakGlassForm } from './BreakGlass.tsx';
import { StatusDialog, TransferDialog } from './CaseDialogs.tsx';
import { NextReviewForm } from './NextReviewForm.tsx';
import { casesApi } from './cases-api.ts';
import { STATUS_COLOR } from './case-format.ts';

/**
 * A section another case feature adds under the full record (diary, documents, letters, procedures,
 * assessments, meetings), shown when the user holds its permission. Sections are composed in App.
 * `onChanged` asks the page to read the case again (e.g. its status or activity changed).
 */
type AllNamespaces = typeof namespaces;

export interface CaseSection {
  key: string;
  permission: Permission;
  /** i18n key (with its namespace) of the section's heading: names it in the page's list of sections. */
  title: ParseKeys<AllNamespaces>;
  render: (props: { detail: CaseDetail; onChanged: () => void }) => ReactNode;
}

/** The case page: full record for owner, team, manager (or break the glass); otherwise who to call. */
export function CasePage({ sections = [] }: { sections?: readonly CaseSection[] }) {
  const { id = '' } = useParams();
  const { t } = useTranslation(['cases', 'common']);
  const [view, setView] = useState<CaseView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  usePageTitle(view ? t('detail.title', { reference: view.reference }) : t('list.title'));

  const load = useCallback(() => {
    setFailure(null);
    void casesApi.get(id).then(setView, setFailure);
  }, [id]);
  useEffect(load, [load]);

  if (failure) return <ErrorAlert error={failure} />;
  if (!view) return <Loading />;
  if (view.access === 'exists') return <ExistenceView view={view} onOpened={(detail) => { setView(detail); }} />;
  return <FullView detail={view} sections={sections} notice={notice} onSaved={(detail) => { setView(detail); setNotice(t('detail.saved')); }} onReload={load} />;
}

function ExistenceView({ view, onOpened }: { view: CaseExistence; onOpened: (detail: CaseDetail) => void }) {
  const { t } = useTranslation('cases');
  const me = useMe();
  return (
    <>
      <h1 data-testid="case-title">{t('exists.title', { reference: view.reference })}</h1>
      <p>{t('exists.about')}</p>
      <p data-testid="case-exists-call">
        <strong>{t('exists.call', { owner: view.owner.displayName })}</strong> {view.team ? t('exists.callTeam', { team: view.team.name }) : ''}
      </p>
      {view.status ? <p>{t('exists.statusLine', { status: t(`status.${view.status}`) })}</p> : null}
      {can(me, permissions.caseRead) && view.status ? <BreakGlassForm caseId={view.id} onOpened={onOpened} /> : null}
    </>
  );
}

type Dialog = 'status' | 'transfer' | null;

function FullView({ detail, sections, notice, onSaved, onReload }: { detail: CaseDetail; sections: readonly CaseSection[]; notice: string; onSaved: (d: CaseDetail) => void; onReload: () => void }) {
  const { t, i18n } = useTranslation(['cases', 'common']);
  const me = useMe();
  const needAreas = useNeedAreas();
  const [dialog, setDialog] = useState<Dialog>(null);
  const writer = can(me, permissions.caseWrite);
  const done = (saved: CaseDetail) => { setDialog(null); onSaved(saved); };
  const cancel = () => { setDialog(null); onReload(); };
  const shown = sections.filter((section) => can(me, section.permission));
  const { t: titleOf } = useTranslation(namespaces);
  return (
    <>
      <h1 data-testid="case-title">
        {t('detail.title', { reference: detail.reference })} <Badge color={STATUS_COLOR[detail.status]} testId="case-status">{t(`status.${detail.status}`)}</Badge>
      </h1>
      <div aria-live="polite">{notice ? <Alert color="success" fade={false} testId="case-notice">{notice}</Alert> : null}</div>
      {detail.breakGlassUntil ? <Alert color="warning" fade={false} testId="case-glass-active">{t('detail.breakGlassUntil', { time: formatDateTime(detail.breakGlassUntil, i18n.language) })}</Alert> : null}
      {shown.length > 0 ? (
        <nav aria-label={t('detail.sectionsNav')} className="mb-3" data-testid="case-sections-nav">
          <ul className="list-inline mb-0">
            {shown.map((section) => (
              <li key={section.key} className="list-inline-item"><a href={`#case-section-${section.key}`}>{titleOf(section.title, { returnObjects: false }) as string}</a></li>
            ))}
          </ul>
        </nav>
      ) : null}
      <dl className="row">
        <dt className="col-sm-3">{t('detail.owner')}</dt><dd className="col-sm-9" data-testid="case-owner">{detail.owner.displayName}</dd>
        <dt className="col-sm-3">{t('detail.team')}</dt><dd className="col-sm-9">{detail.team?.name ?? '—'}</dd>
        <dt className="col-sm-3">{t('detail.municipality')}</dt><dd className="col-sm-9">{detail.municipalityName}</dd>
        <dt className="col-sm-3">{t('detail.areas')}</dt><dd className="col-sm-9">{detail.needAreaCodes.map((code) => needAreas.labelOf(code)).join(', ') || '—'}</dd>
        <dt className="col-sm-3">{t('detail.nextReview')}</dt>
        <dd className="col-sm-9">{detail.nextReviewOn ? formatDate(detail.nextReviewOn, i18n.language) : t('detail.noReview')}{detail.reviewOverdue ? <> <Badge color="danger" testId="case-review-overdue">{t('list.overdue')}</Badge></> : null}</dd>
      </dl>
      <p className="small text-muted">
        {t('detail.opened', { date: formatDate(detail.openedAt, i18n.language), name: detail.openedBy.displayName })}
        {detail.intakeItemId ? ` · ${t('detail.fromIntake')}` : ''}
      </p>
      {detail.closureReason ? <p data-testid="case-closure">{t('detail.closure', { reason: t(`closureReason.${detail.closureReason}`), outcome: detail.closureOutcome ?? '' })}</p> : null}
      {detail.objectiveOutcomes?.length ? (
        <>
          <h2 className="h5">{t('detail.objectiveOutcomes')}</h2>
          <ul data-testid="case-objective-outcomes">
            {detail.objectiveOutcomes.map((o) => (
              <li key={o.objectiveId}>
                {t('detail.objectiveOutcome', { objective: o.objective ?? t('detail.objectiveUnknown'), outcome: t(`objectiveOutcome.${o.outcome}`) })}
                {o.note ? <> — {o.note}</> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {writer ? (
        <div className="d-flex flex-wrap gap-2 mb-4">
          <Button color="primary" type="button" onClick={() => { setDialog('status'); }} testId="case-change-status">{t('detail.changeStatus')}</Button>
          {detail.canTransfer ? <Button color="secondary" outline type="button" onClick={() => { setDialog('transfer'); }} testId="case-transfer">{t('detail.transfer')}</Button> : null}
        </div>
      ) : null}
      {writer && detail.status !== 'closed' ? <NextReviewForm key={detail.version} detail={detail} onSaved={onSaved} /> : null}
      <h2 className="h4">{t('detail.persons')}</h2>
      <ul data-testid="case-persons">
        {detail.persons.map((p) => (
          <li key={p.personId}><Link to={`/registry/persons/${encodeURIComponent(p.personId)}`}>{p.familyName} {p.givenName}</Link> — {t(`role.${p.role}`)}</li>
        ))}
      </ul>
      <h2 className="h4">{t('detail.statusHistory')}</h2>
      <ol className="list-unstyled" data-testid="case-status-history">
        {detail.statusHistory.map((s) => (
          <li key={s.id} className="border-start border-3 ps-3 pb-2">
            <strong>{formatDateTime(s.at, i18n.language)}</strong> · {s.from ? `${t(`status.${s.from}`)} → ` : ''}{t(`status.${s.to}`)} · {s.reason} <span className="text-muted">{t('detail.by', { name: s.by.displayName })}</span>
          </li>
        ))}
      </ol>
      <h2 className="h4">{t('detail.transfers')}</h2>
      {detail.transfers.length === 0 ? <p>{t('detail.noTransfers')}</p> : null}
      <ol className="list-unstyled" data-testid="case-transfers">
        {detail.transfers.map((x) => (
          <li key={x.id} className="border-start border-3 ps-3 pb-2">
            <strong>{formatDateTime(x.at, i18n.language)}</strong> · {t('detail.transferLine', { from: x.fromOwner.displayName, to: x.toOwner.displayName, reason: x.reason })} <span className="text-muted">{t('detail.by', { name: x.by.displayName })}</span>
          </li>
        ))}
      </ol>
      {shown.map((section) => (
        <div key={section.key} id={`case-section-${section.key}`} className="case-section">{section.render({ detail, onChanged: onReload })}</div>
      ))}
      {dialog === 'status' ? <StatusDialog detail={detail} onDone={done} onCancel={cancel} /> : null}
      {dialog === 'transfer' ? <TransferDialog detail={detail} onDone={done} onCancel={cancel} /> : null}
    </>
  );
}
