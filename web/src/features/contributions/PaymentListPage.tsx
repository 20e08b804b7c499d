import { Alert, Badge, Button } from 'design-react-kit';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { PaymentLine, PaymentListDetail } from '../../../../src/features/contributions/contributions.schemas.ts';
import { formatCents } from '../../../../src/platform/money/euros.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { useAction } from '../accesses/use-action.ts';
import { contributionsApi } from './contributions-api.ts';
import { CorrectionDialog } from './CorrectionDialog.tsx';
import { LIST_COLOR } from './PaymentListsPage.tsx';

/** One payment list: its payments (name, fiscal code, amount, IBAN, funding line), totals per funding line, check / close, CSV and PDF. */
export function PaymentListPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('contributions');
  const [list, setList] = useState<PaymentListDetail | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [correcting, setCorrecting] = useState<PaymentLine | null>(null);
  const { busy, failure, run } = useAction();
  const load = useCallback(() => {
    void contributionsApi.paymentList(id).then(setList, setLoadFailure);
  }, [id]);
  useEffect(load, [load]);
  if (!list) return loadFailure ? <ErrorAlert error={loadFailure} testId="payment-list-error" /> : <Loading />;
  const total = list.totals.reduce((sum, x) => sum + x.cents, 0);
  const move = (to: string) =>
    run(() => contributionsApi.transition(list.id, { to, version: list.version }), (moved) => {
      setList(moved);
      setNotice(t('list.moved', { status: t(`listStatus.${moved.status}`) }));
    });
  return (
    <div data-testid="payment-list-page">
      <p><Link to="/payment-lists">{t('list.back')}</Link></p>
      <h1>{t('list.title', { municipality: list.municipalityName, month: list.month })} <Badge color={LIST_COLOR[list.status]} testId="payment-list-status">{t(`listStatus.${list.status}`)}</Badge></h1>
      <div aria-live="polite">{notice ? <Alert color="success" fade={false} testId="payment-list-notice">{notice}</Alert> : null}</div>
      <ErrorAlert error={failure} testId="payment-list-action-error" />
      {list.status === 'closed' ? <p>{t('list.closedNote')}</p> : null}
      <div className="d-flex flex-wrap gap-2 mb-3">
        {list.allowedTransitions.map((to) => (
          <Button key={to} color={to === 'closed' ? 'primary' : 'secondary'} outline={to === 'open'} size="sm" type="button" disabled={busy} onClick={() => void move(to)} testId={`payment-list-to-${to}`}>
            {t(`list.to.${to}`)}
          </Button>
        ))}
        <a className="btn btn-outline-primary btn-sm" href={contributionsApi.csvUrl(list.id)} download data-testid="payment-list-csv">{t('list.csv')}</a>
        <a className="btn btn-outline-primary btn-sm" href={contributionsApi.pdfUrl(list.id, 'it')} download data-testid="payment-list-pdf">{t('list.pdf')}</a>
        <a className="btn btn-outline-primary btn-sm" href={contributionsApi.pdfUrl(list.id, 'en')} download lang="en">{t('list.pdfEn')}</a>
      </div>
      {list.rows.length === 0 ? <p>{t('list.empty')}</p> : (
        <DataTable caption={t('list.rows')} size="sm" testId="payment-list-rows">
          <thead>
            <tr>
              <th scope="col">{t('col.name')}</th>
              <th scope="col">{t('col.fiscalCode')}</th>
              <th scope="col">{t('col.dueMonth')}</th>
              <th scope="col">{t('col.funding')}</th>
              <th scope="col">{t('col.iban')}</th>
              <th scope="col" className="text-end">{t('col.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.id} data-testid="payment-line">
                <th scope="row">{r.personName}{r.kind === 'correction' ? <> <Badge color="warning">{t('list.correction')}</Badge></> : null}</th>
                <td>{r.fiscalCode}</td>
                <td>{r.dueMonth}</td>
                <td>{t(`funding.${r.fundingLine}`)}</td>
                <td>{r.iban ?? t(`method.${r.paymentMethod}`)}</td>
                <td className="text-end">
                  {formatCents(r.amountCents, i18n.language)}
                  {list.status === 'closed' && r.kind === 'payment' ? (
                    <Button color="secondary" outline size="xs" type="button" className="ms-2" onClick={() => { setCorrecting(r); }} aria-label={`${t('correct.open')}: ${r.personName} ${r.dueMonth}`} testId="payment-line-correct">
                      {t('correct.open')}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {correcting ? (
        <CorrectionDialog
          listId={list.id}
          line={correcting}
          onDone={(message) => { setCorrecting(null); setNotice(message); }}
          onCancel={() => { setCorrecting(null); }}
        />
      ) : null}
      <DataTable caption={t('list.totals')} size="sm" testId="payment-list-totals">
        <thead>
          <tr>
            <th scope="col">{t('col.funding')}</th>
            <th scope="col">{t('col.lines')}</th>
            <th scope="col" className="text-end">{t('col.total')}</th>
          </tr>
        </thead>
        <tbody>
          {list.totals.map((x) => (
            <tr key={x.fundingLine}>
              <th scope="row">{t(`funding.${x.fundingLine}`)}</th>
              <td>{x.lines}</td>
              <td className="text-end">{formatCents(x.cents, i18n.language)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('list.grandTotal')}</th>
            <td>{list.lines}</td>
            <td className="text-end" data-testid="payment-list-total">{formatCents(total, i18n.language)}</td>
          </tr>
        </tbody>
      </DataTable>
    </div>
  );
}
