import { Badge, Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { CaseDetail } from '../../../../src/features/cases/cases.schemas.ts';
import type { Petition, Referral } from '../../../../src/features/referrals/referrals.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { formatDate } from '../../platform/format.ts';
import { useAction } from '../accesses/use-action.ts';
import { petitionPagePath, petitionsApi, referralPagePath, referralsApi } from './referrals-api.ts';

const DONE = new Set(['answered', 'decided']);
const statusColor = (status: string) => (DONE.has(status) ? 'success' : status === 'draft' ? 'secondary' : status === 'refused' || status === 'withdrawn' ? 'dark' : 'primary');

function PdfLink({ href, name }: { href: string; name: string }) {
  const { t } = useTranslation('referrals');
  return (
    <a href={href} target="_blank" rel="noreferrer">
      PDF<span className="visually-hidden"> {name} {t('newWindow')}</span>
    </a>
  );
}

/** "Invii ai servizi specialistici": the referrals of the case, their status, a new one. */
export function ReferralsSection({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation('referrals');
  const me = useMe();
  const [referrals, setReferrals] = useState<Referral[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    void referralsApi.list(detail.id).then(setReferrals, setFailure);
  }, [detail.id]);
  return (
    <section aria-labelledby="referrals-title" className="mt-4" data-testid="case-referrals">
      <h2 id="referrals-title" className="h4">{t('referrals.title')}</h2>
      <ErrorAlert error={failure} />
      {referrals === null && !failure ? <Loading /> : null}
      {referrals?.length === 0 ? <p>{t('referrals.empty')}</p> : null}
      {referrals?.length ? (
        <DataTable caption={t('referrals.title')} captionHidden size="sm" testId="referrals-table">
          <thead>
            <tr>
              <th scope="col">{t('referrals.service')}</th>
              <th scope="col">{t('referrals.status')}</th>
              <th scope="col">{t('referrals.sentOn')}</th>
              <th scope="col">{t('referrals.documents')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {referrals.map((r) => {
              const name = r.serviceName ?? t(`service.${r.service}`);
              return (
                <tr key={r.id} data-testid="referral-row">
                  <td><Link to={referralPagePath(detail.id, r.id)}>{name}</Link>{r.urgency === 'urgent' ? <> <Badge color="danger">{t('urgency.urgent')}</Badge></> : null}</td>
                  <td><Badge color={statusColor(r.status)}>{t(`referralStatus.${r.status}`)}</Badge></td>
                  <td>{r.sentOn ? formatDate(r.sentOn, i18n.language) : '—'}</td>
                  <td>{r.documents.length}</td>
                  <td><PdfLink href={referralsApi.pdfUrl(detail.id, r.id)} name={name} /></td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      ) : null}
      {can(me, permissions.caseWrite) ? (
        <p><Link className="btn btn-outline-primary btn-sm" to={referralPagePath(detail.id, 'new')} data-testid="referral-new">{t('referrals.new')}</Link></p>
      ) : null}
    </section>
  );
}

/** "Ricorsi per amministratore di sostegno": the petitions of the case, their status, a new draft. */
export function PetitionsSection({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation('referrals');
  const me = useMe();
  const navigate = useNavigate();
  const [petitions, setPetitions] = useState<Petition[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const { busy, failure: createFailure, run } = useAction();
  useEffect(() => {
    void petitionsApi.list(detail.id).then(setPetitions, setFailure);
  }, [detail.id]);
  const create = () => run(() => petitionsApi.create(detail.id), (p) => { void navigate(petitionPagePath(detail.id, p.id)); });
  return (
    <section aria-labelledby="petitions-title" className="mt-4" data-testid="case-petitions">
      <h2 id="petitions-title" className="h4">{t('petitions.title')}</h2>
      <p className="small">{t('petitions.about')}</p>
      <ErrorAlert error={failure ?? createFailure} />
      {petitions === null && !failure ? <Loading /> : null}
      {petitions?.length === 0 ? <p>{t('petitions.empty')}</p> : null}
      {petitions?.length ? (
        <DataTable caption={t('petitions.title')} captionHidden size="sm" testId="petitions-table">
          <thead>
            <tr>
              <th scope="col">{t('petitions.court')}</th>
              <th scope="col">{t('petitions.status')}</th>
              <th scope="col">{t('petitions.date')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {petitions.map((p) => (
              <tr key={p.id} data-testid="petition-row">
                <td><Link to={petitionPagePath(detail.id, p.id)}>{t('petitions.linkLabel', { court: p.courtName, name: p.beneficiary.fullName })}</Link></td>
                <td><Badge color={statusColor(p.status)}>{t(`petitionStatus.${p.status}`)}</Badge></td>
                <td>{formatDate(p.decidedOn ?? p.filedOn ?? p.updatedAt, i18n.language)}</td>
                <td><PdfLink href={petitionsApi.pdfUrl(detail.id, p.id)} name={p.courtName} /></td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {can(me, permissions.caseWrite) ? (
        <Button color="primary" outline size="sm" type="button" disabled={busy} onClick={() => { void create(); }} testId="petition-new">{t('petitions.new')}</Button>
      ) : null}
    </section>
  );
}
