import { Alert, Badge, Button, Col, Row } from 'design-react-kit';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { IntakeItem } from '../../../../src/features/accesses/intake.schemas.ts';
import type { Urgency } from '../../../../src/features/accesses/accesses.codes.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { firstInterviewPath } from './booking-link.ts';
import { openCasePath } from '../cases/case-format.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { RadioGroup } from '../../platform/components/RadioGroup.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { formatDate } from '../../platform/format.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { accessesApi } from './accesses-api.ts';
import { AssignDialog, CloseDialog, whoOf } from './IntakeDialogs.tsx';
import { useNeedAreas } from './use-access-options.ts';

const URGENCY_COLOR: Record<Urgency, string> = { urgent: 'danger', priority: 'warning', ordinary: 'secondary' };
const STATUSES = ['open', 'waiting', 'assigned', 'closed', 'all'] as const;
type Dialog = { kind: 'assign' | 'close'; item: IntakeItem } | null;

/** The social service's intake queue: urgent first, then the longest waiting; the manager assigns. */
export function IntakeQueuePage() {
  const { t, i18n } = useTranslation(['accesses', 'common', 'cases']);
  const me = useMe();
  const needAreas = useNeedAreas();
  const manager = can(me, permissions.intakeAssign);
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('open');
  const [view, setView] = useState<'all' | 'mine'>(manager ? 'all' : 'mine');
  const [items, setItems] = useState<IntakeItem[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState('');
  usePageTitle(t('intake.title'));

  const load = useCallback(() => {
    setFailure(null);
    void accessesApi.intake({ status, mine: view === 'mine' ? 'true' : undefined }).then(setItems, setFailure);
  }, [status, view]);
  useEffect(load, [load]);

  const done = (item: IntakeItem) => {
    setDialog(null);
    setNotice(item.status === 'closed' ? t('intake.closed') : t('intake.assigned', { name: item.assignedTo?.displayName ?? '' }));
    load();
  };

  return (
    <>
      <h1>{t('intake.title')}</h1>
      <p>{t('intake.intro')}</p>
      <Row>
        <Col xs={12} md={6}>
          <RadioGroup id="intake-view" legend={t('intake.view')} value={view} options={[{ value: 'all', label: t('intake.viewAll') }, { value: 'mine', label: t('intake.viewMine') }]} onChange={(value) => { setView(value as 'all' | 'mine'); }} />
        </Col>
        <Col xs={12} md={6}>
          <SelectField id="intake-status" label={t('intake.status')} value={status} options={STATUSES.map((value) => ({ value, label: t(`intake.statusOptions.${value}`) }))} onChange={(value) => { setStatus(value as (typeof STATUSES)[number]); }} />
        </Col>
      </Row>
      <div aria-live="polite">{notice ? <Alert color="success" fade={false} testId="intake-notice">{notice}</Alert> : null}</div>
      <ErrorAlert error={failure} />
      {!items && !failure ? <Loading /> : null}
      {items ? (
        <DataTable caption={t('intake.caption')} captionHidden testId="intake-table" size="sm">
          <thead>
            <tr>
              <th scope="col">{t('intake.columns.urgency')}</th>
              <th scope="col">{t('intake.columns.person')}</th>
              <th scope="col">{t('intake.columns.need')}</th>
              <th scope="col">{t('intake.columns.desk')}</th>
              <th scope="col">{t('intake.columns.waiting')}</th>
              <th scope="col">{t('intake.columns.status')}</th>
              <th scope="col">{t('intake.columns.assigned')}</th>
              <th scope="col">{t('intake.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.length === 0 ? <tr><td colSpan={8}>{t('intake.empty')}</td></tr> : null}
            {items.map((item) => {
              const open = item.status === 'waiting' || item.status === 'assigned';
              const mayClose = open && (manager || item.assignedTo?.id === me.id);
              return (
                <tr key={item.id} data-testid="intake-row">
                  <td><Badge color={URGENCY_COLOR[item.urgency]}>{t(`urgency.${item.urgency}`)}</Badge></td>
                  <td>
                    {item.persons.length
                      ? item.persons.map((p) => <div key={p.personId}><Link to={`/registry/persons/${encodeURIComponent(p.personId)}`}>{p.familyName} {p.givenName}</Link></div>)
                      : <em>{item.anonymousDescription}</em>}
                  </td>
                  <td><strong>{needAreas.labelOf(item.needAreaCode)}</strong><br />{item.request}</td>
                  <td>{item.municipalityName}</td>
                  <td>{t('intake.days', { count: item.daysWaiting })}<br /><small>{formatDate(item.referredAt, i18n.language)}</small></td>
                  <td>{t(`intakeStatus.${item.status}`)}</td>
                  <td>{item.assignedTo?.displayName ?? t('intake.unassigned')}</td>
                  <td>
                    <div className="d-flex flex-wrap gap-1">
                      {manager && open ? (
                        <Button color="primary" size="xs" type="button" onClick={() => { setNotice(''); setDialog({ kind: 'assign', item }); }} testId="intake-assign" aria-label={`${item.assignedTo ? t('intake.reassign') : t('intake.assign')}: ${whoOf(item)}`}>
                          {item.assignedTo ? t('intake.reassign') : t('intake.assign')}
                        </Button>
                      ) : null}
                      {open && item.persons[0] && can(me, permissions.appointmentWrite) ? (
                        <Link to={firstInterviewPath(item.persons[0].personId, item.id, item.accessId)} className="btn btn-outline-primary btn-xs" data-testid="intake-book" aria-label={`${t('intake.book')}: ${whoOf(item)}`}>
                          {t('intake.book')}
                        </Link>
                      ) : null}
                      {open && item.persons[0] && can(me, permissions.caseWrite) ? (
                        <Link to={openCasePath({ intakeId: item.id, version: String(item.version), municipalityCode: item.municipalityCode, who: whoOf(item), needAreaCode: item.needAreaCode })} className="btn btn-outline-primary btn-xs" data-testid="intake-open-case" aria-label={`${t('cases:section.open')}: ${whoOf(item)}`}>
                          {t('cases:section.open')}
                        </Link>
                      ) : null}
                      {mayClose ? (
                        <Button color="secondary" outline size="xs" type="button" onClick={() => { setNotice(''); setDialog({ kind: 'close', item }); }} testId="intake-close" aria-label={`${t('intake.close')}: ${whoOf(item)}`}>
                          {t('intake.close')}
                        </Button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      ) : null}
      {dialog?.kind === 'assign' ? <AssignDialog item={dialog.item} onDone={done} onCancel={() => { setDialog(null); }} /> : null}
      {dialog?.kind === 'close' ? <CloseDialog item={dialog.item} onDone={done} onCancel={() => { setDialog(null); }} /> : null}
    </>
  );
}
