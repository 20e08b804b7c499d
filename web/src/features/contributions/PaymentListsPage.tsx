import { Badge } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PaymentListStatus } from '../../../../src/features/contributions/contributions.codes.ts';
import type { PaymentListSummary } from '../../../../src/features/contributions/contributions.schemas.ts';
import { formatCents } from '../../../../src/platform/money/euros.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { dayInRome } from '../../../../src/platform/time/rome.ts';
import { contributionsApi } from './contributions-api.ts';

export const LIST_COLOR: Record<PaymentListStatus, string> = { open: 'primary', checked: 'warning', closed: 'secondary' };

/** The clerk's payment lists: one per municipality and month, up to this month newest first, later months apart. */
export function PaymentListsPage() {
  const { t } = useTranslation('contributions');
  const [lists, setLists] = useState<PaymentListSummary[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    void contributionsApi.paymentLists().then(setLists, setFailure);
  }, []);
  // The months to work on come first; later months only hold the instalments of monthly contributions.
  const thisMonth = dayInRome().slice(0, 7);
  const due = (lists ?? []).filter((l) => l.month <= thisMonth);
  const later = (lists ?? []).filter((l) => l.month > thisMonth).reverse();
  return (
    <div data-testid="payment-lists-page">
      <h1>{t('lists.title')}</h1>
      <p>{t('lists.about')}</p>
      <ErrorAlert error={failure} testId="payment-lists-error" />
      {!lists && !failure ? <Loading /> : null}
      {lists?.length === 0 ? <p>{t('lists.empty')}</p> : null}
      {due.length > 0 ? <ListsTable lists={due} caption={t('lists.caption')} testId="payment-lists-table" /> : null}
      {later.length > 0 ? (
        <details className="mt-3" data-testid="payment-lists-later">
          <summary>{t('lists.later', { count: later.length })}</summary>
          <p className="small text-muted mt-2">{t('lists.laterAbout')}</p>
          <ListsTable lists={later} caption={t('lists.laterCaption')} testId="payment-lists-later-table" />
        </details>
      ) : null}
    </div>
  );
}

function ListsTable({ lists, caption, testId }: { lists: PaymentListSummary[]; caption: string; testId: string }) {
  const { t, i18n } = useTranslation('contributions');
  return (
    <DataTable caption={caption} size="sm" testId={testId}>
      <thead>
        <tr>
          <th scope="col">{t('col.list')}</th>
          <th scope="col">{t('col.status')}</th>
          <th scope="col" className="text-end">{t('col.lines')}</th>
          <th scope="col" className="text-end">{t('col.total')}</th>
        </tr>
      </thead>
      <tbody>
        {lists.map((l) => (
          <tr key={l.id} data-testid="payment-list-row">
            <th scope="row">
              <Link to={`/payment-lists/${l.id}`} aria-label={t('lists.open', { municipality: l.municipalityName, month: l.month })}>{l.municipalityName} {l.month}</Link>
            </th>
            <td><Badge color={LIST_COLOR[l.status]}>{t(`listStatus.${l.status}`)}</Badge></td>
            <td className="text-end">{l.lines}</td>
            <td className="text-end">{formatCents(l.totalCents, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
