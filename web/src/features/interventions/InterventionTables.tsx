import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delivery, MonthBalance } from '../../../../src/features/interventions/interventions.schemas.ts';
import type { ServiceUnit } from '../../../../src/features/catalogue/catalogue.codes.ts';
import { formatQuantity } from '../../../../src/features/care-plans/plan-totals.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { formatDate, formatMonth } from '../../platform/format.ts';
import { dayInRome } from '../../../../src/platform/time/rome.ts';

/** "13 ore" — a quantity in hundredths with its unit. */
export function useQuantity() {
  const { t, i18n } = useTranslation(['interventions', 'catalogue']);
  return (hundredths: number, unit: ServiceUnit) => `${formatQuantity(hundredths, i18n.language)} ${t(`catalogue:units.${unit}`)}`;
}

/** Planned vs delivered per calendar month, with the absences. */
export function MonthsTable({ months, unit, caption, testId }: { months: MonthBalance[]; unit: ServiceUnit; caption: ReactNode; testId: string }) {
  const { t, i18n } = useTranslation('interventions');
  const quantity = useQuantity();
  // Months still to come have nothing delivered yet: a dash, not a misleading zero.
  const current = dayInRome().slice(0, 7);
  return (
    <DataTable caption={caption} size="sm" testId={testId}>
      <thead>
        <tr>
          <th scope="col">{t('months.month')}</th>
          <th scope="col" className="text-end">{t('months.planned')}</th>
          <th scope="col" className="text-end">{t('months.delivered')}</th>
          <th scope="col" className="text-end">{t('months.absences')}</th>
        </tr>
      </thead>
      <tbody>
        {months.map((m) => (
          <tr key={m.month} data-testid={`month-${m.month}`}>
            <th scope="row">{formatMonth(m.month, i18n.language)}</th>
            <td className="text-end">{quantity(m.plannedHundredths, unit)}</td>
            <td className="text-end">{m.month > current ? '—' : quantity(m.deliveredHundredths, unit)}</td>
            <td className="text-end">{m.month > current ? '—' : m.absences}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** The deliveries recorded, newest first; `action` adds a last column (the provider's "correct"). */
export function DeliveriesTable({ deliveries, unit, caption, testId, action }: { deliveries: Delivery[]; unit: ServiceUnit; caption: ReactNode; testId: string; action?: (d: Delivery) => ReactNode }) {
  const { t, i18n } = useTranslation('interventions');
  const quantity = useQuantity();
  if (deliveries.length === 0) return <p data-testid={`${testId}-empty`}>{t('deliveries.none')}</p>;
  return (
    <DataTable caption={caption} size="sm" testId={testId}>
      <thead>
        <tr>
          <th scope="col">{t('deliveries.date')}</th>
          <th scope="col" className="text-end">{t('deliveries.quantity')}</th>
          <th scope="col">{t('deliveries.staff')}</th>
          <th scope="col">{t('deliveries.notes')}</th>
          <th scope="col">{t('deliveries.recordedBy')}</th>
          {action ? <th scope="col"><span className="visually-hidden">{t('deliveries.actions')}</span></th> : null}
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <tr key={`${d.id}-${String(d.version)}`}>
            <th scope="row">{formatDate(d.deliveredOn, i18n.language)}</th>
            <td className="text-end">{d.personAbsent ? t('deliveries.absent') : quantity(d.quantityHundredths, unit)}</td>
            <td>{d.staff}</td>
            <td>{d.notes}</td>
            <td>{d.recordedBy}</td>
            {action ? <td>{action(d)}</td> : null}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
