import { Alert, Badge, Button } from 'design-react-kit';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../src/features/cases/cases.schemas.ts';
import type { Procedure } from '../../../../src/features/procedures/procedures.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { formatDate } from '../../platform/format.ts';
import { DecisionDialog, EditProcedureDialog, ResumeDialog, StartProcedureDialog, SuspendDialog } from './ProcedureDialogs.tsx';
import { proceduresApi, STATE_COLOR } from './procedures-api.ts';

type Dialog = { kind: 'start' } | { kind: 'edit' | 'suspend' | 'resume' | 'decide'; procedure: Procedure } | null;

/** The "Procedimenti" section of the case page: administrative procedures with their days remaining. */
export function ProceduresSection({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t } = useTranslation('procedures');
  const me = useMe();
  const writer = can(me, permissions.caseWrite);
  const [procedures, setProcedures] = useState<Procedure[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState('');
  const load = useCallback(() => {
    setFailure(null);
    void proceduresApi.list(detail.id).then(setProcedures, setFailure);
  }, [detail.id]);
  useEffect(load, [load]);
  const done = (saved: Procedure) => {
    setDialog(null);
    setNotice(t('saved', { subject: saved.subject }));
    load();
    onChanged();
  };
  const cancel = () => { setDialog(null); load(); };
  return (
    <section aria-labelledby="procedures-title" className="mb-4" data-testid="procedures-section">
      <h2 className="h4" id="procedures-title">{t('title')}</h2>
      <p className="small text-muted">{t('about')}</p>
      <div aria-live="polite">{notice ? <Alert color="success" fade={false} testId="procedures-notice">{notice}</Alert> : null}</div>
      <ErrorAlert error={failure} testId="procedures-error" />
      {writer ? <Button color="primary" outline size="sm" type="button" className="mb-3" onClick={() => { setDialog({ kind: 'start' }); }} testId="procedure-add">{t('add')}</Button> : null}
      {!procedures && !failure ? <Loading /> : null}
      {procedures?.length === 0 ? <p data-testid="procedures-empty">{t('empty')}</p> : null}
      <ul className="list-unstyled" data-testid="procedures-list">
        {procedures?.map((p) => (
          <li key={p.id} className="border-start border-3 ps-3 pb-3" data-testid="procedure-item">
            <ProcedureItem procedure={p} />
            {writer ? (
              <div className="d-flex flex-wrap gap-2">
                <Button color="secondary" outline size="xs" type="button" onClick={() => { setDialog({ kind: 'edit', procedure: p }); }} testId="procedure-edit" aria-label={`${t('edit.open')}: ${p.subject}`}>{t('edit.open')}</Button>
                {p.decidedOn ? null : (
                  <>
                  {p.pausedSince ? (
                    <Button color="secondary" outline size="xs" type="button" onClick={() => { setDialog({ kind: 'resume', procedure: p }); }} testId="procedure-resume" aria-label={`${t('resume.open')}: ${p.subject}`}>{t('resume.open')}</Button>
                  ) : (
                    <Button color="secondary" outline size="xs" type="button" onClick={() => { setDialog({ kind: 'suspend', procedure: p }); }} testId="procedure-suspend" aria-label={`${t('suspend.open')}: ${p.subject}`}>{t('suspend.open')}</Button>
                  )}
                  <Button color="primary" outline size="xs" type="button" onClick={() => { setDialog({ kind: 'decide', procedure: p }); }} testId="procedure-decide" aria-label={`${t('decision.open')}: ${p.subject}`}>{t('decision.open')}</Button>
                  </>
                )}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {dialog?.kind === 'start' ? <StartProcedureDialog caseId={detail.id} onDone={done} onCancel={cancel} /> : null}
      {dialog?.kind === 'edit' ? <EditProcedureDialog caseId={detail.id} procedure={dialog.procedure} onDone={done} onCancel={cancel} /> : null}
      {dialog?.kind === 'suspend' ? <SuspendDialog caseId={detail.id} procedure={dialog.procedure} onDone={done} onCancel={cancel} /> : null}
      {dialog?.kind === 'resume' ? <ResumeDialog caseId={detail.id} procedure={dialog.procedure} onDone={done} onCancel={cancel} /> : null}
      {dialog?.kind === 'decide' ? <DecisionDialog caseId={detail.id} procedure={dialog.procedure} onDone={done} onCancel={cancel} /> : null}
    </section>
  );
}

/** The days remaining as words: red when overdue, amber when near, paused while suspended. */
export function DaysBadge({ procedure }: { procedure: Pick<Procedure, 'state' | 'daysRemaining'> }) {
  const { t } = useTranslation('procedures');
  const days = procedure.daysRemaining ?? 0;
  const text =
    procedure.state === 'decided' ? t('state.decided')
    : procedure.state === 'suspended' ? t('days.paused', { count: days })
    : days < 0 ? t('days.overdue', { count: -days })
    : t('days.remaining', { count: days });
  return <Badge color={STATE_COLOR[procedure.state]} testId="procedure-days">{text}</Badge>;
}

function ProcedureItem({ procedure: p }: { procedure: Procedure }) {
  const { t, i18n } = useTranslation('procedures');
  const date = (iso: string | null) => formatDate(iso, i18n.language);
  return (
    <>
      <h3 className="h6 mb-1">
        {p.procedureType.name}: {p.subject} <DaysBadge procedure={p} />
      </h3>
      <p className="mb-1 small">
        {t('line', { start: date(p.startedOn), days: p.legalDays, due: date(p.dueOn) })}
        {p.pausedSince ? ` · ${t('pausedSince', { date: date(p.pausedSince) })}` : ''}
      </p>
      {p.suspensions.length > 0 ? (
        <ul className="small mb-1" data-testid="procedure-suspensions">
          {p.suspensions.map((s) => (
            <li key={s.id}>
              {s.endsOn ? t('suspension.closed', { from: date(s.startsOn), to: date(s.endsOn), count: s.days ?? 0 }) : t('suspension.open', { from: date(s.startsOn) })} — {s.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {p.outcome ? (
        <p className="mb-1 small" data-testid="procedure-decision">
          {t('decisionLine', { outcome: t(`outcome.${p.outcome}`), date: date(p.decidedOn) })} {p.decidedInTime === false ? t('late') : ''} {p.decisionNote ? `— ${p.decisionNote}` : ''}
        </p>
      ) : null}
    </>
  );
}
