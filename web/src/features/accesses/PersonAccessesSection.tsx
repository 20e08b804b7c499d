import { Alert, Badge } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { Access } from '../../../../src/features/accesses/accesses.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { firstInterviewPath } from './booking-link.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { formatDateTime } from '../../platform/format.ts';
import { accessesApi } from './accesses-api.ts';
import type { AccessNotice, NewAccessState } from './AccessNewPage.tsx';
import { useNeedAreas } from './use-access-options.ts';

/** The person's accesses, newest first, so nobody asks the same story twice (every read is logged). */
export function PersonAccessesSection({ personId, purpose }: { personId: string; purpose: string | undefined }) {
  const { t, i18n } = useTranslation(['accesses', 'common']);
  const me = useMe();
  const location = useLocation();
  const notice = (location.state as AccessNotice)?.accessNotice;
  const needAreas = useNeedAreas();
  const [accesses, setAccesses] = useState<Access[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    setAccesses(null);
    setFailure(null);
    void accessesApi.ofPerson(personId, purpose).then(setAccesses, setFailure);
  }, [personId, purpose]);

  const self = accesses?.flatMap((a) => a.persons).find((p) => p.personId === personId);
  const newState: NewAccessState = {
    ...(self ? { person: { value: personId, label: `${self.familyName} ${self.givenName}` } } : {}),
    returnTo: location.pathname,
  };
  return (
    <section aria-labelledby="accesses-title" className="mb-4" data-testid="person-accesses">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2">
        <h2 id="accesses-title" className="h4 mb-0">{t('section.title')}</h2>
        {can(me, permissions.accessWrite) ? (
          <Link to={`/accesses/new?personId=${encodeURIComponent(personId)}`} state={newState} className="btn btn-primary btn-sm" data-testid="person-record-access">
            {t('section.record')}
          </Link>
        ) : null}
      </div>
      <div aria-live="polite">
        {notice ? <Alert color="success" fade={false} testId="access-created">{t(`new.${notice}`)}</Alert> : null}
      </div>
      <ErrorAlert error={failure} testId="person-accesses-error" />
      {!accesses && !failure ? <Loading /> : null}
      {accesses?.length === 0 ? <p data-testid="person-accesses-empty">{t('section.empty')}</p> : null}
      {accesses?.length ? (
        <ol className="list-unstyled access-timeline mt-3" data-testid="person-accesses-list">
          {accesses.map((access) => {
            const role = access.persons.find((p) => p.personId === personId)?.involvement;
            return (
              <li key={access.id} className="border-start border-3 ps-3 pb-3" data-testid="person-access">
                <p className="mb-1">
                  <strong>{formatDateTime(access.occurredAt, i18n.language)}</strong>
                  {' · '}{t(`channel.${access.channel}`)}{' · '}{access.municipalityName}
                  {role && role !== 'beneficiary' ? ` · ${t('section.as', { involvement: t(`involvement.${role}`) })}` : ''}
                </p>
                <p className="mb-1">
                  <Badge color="secondary" className="me-2">{needAreas.labelOf(access.needAreaCode)}</Badge>
                  <Badge color={access.outcome === 'referral' ? 'warning' : 'primary'}>{t(`outcome.${access.outcome}`)}</Badge>
                </p>
                <p className="mb-1">{access.request}</p>
                {access.outcomeServiceName ? <p className="mb-1 small">{t('section.service', { name: access.outcomeServiceName })}</p> : null}
                {access.intake && access.referralUrgency ? (
                  <p className="mb-1 small" data-testid="person-access-referral">
                    {t('section.referral', { urgency: t(`urgency.${access.referralUrgency}`).toLowerCase(), status: t(`intakeStatus.${access.intake.status}`).toLowerCase() })}
                    {access.intake.assignedToName ? `, ${t('section.assignedTo', { name: access.intake.assignedToName })}` : ''}
                    {can(me, permissions.appointmentWrite) && (access.intake.status === 'waiting' || access.intake.status === 'assigned') ? (
                      <>
                        {' · '}
                        <Link to={firstInterviewPath(personId, access.intake.id, access.id)} data-testid="person-access-book">
                          {t('section.bookFirstInterview')}
                        </Link>
                      </>
                    ) : null}
                  </p>
                ) : null}
                <p className="mb-0 small text-muted">
                  {t('section.recordedBy', { name: access.recordedByName })}
                  {can(me, permissions.accessWrite) ? (
                    <>
                      {' · '}
                      <Link to={`/accesses/${encodeURIComponent(access.id)}/edit`}>{t('section.edit')}<span className="visually-hidden"> {formatDateTime(access.occurredAt, i18n.language)}</span></Link>
                    </>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
