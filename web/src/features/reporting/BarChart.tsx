import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../platform/format.ts';

type Row = { key: string; label: string; value: number | null };

/** Horizontal bars in plain CSS; every bar carries its number as text, so nothing depends on seeing it. */
export function BarChart({ title, rows, threshold }: { title: string; rows: readonly Row[]; threshold: number }) {
  const { t, i18n } = useTranslation(['reporting', 'common']);
  const max = Math.max(1, ...rows.map((row) => row.value ?? 0));
  return (
    <figure className="my-4" data-testid="stats-chart">
      <figcaption className="h5">{title}</figcaption>
      <ul className="bar-chart">
        {rows.map((row) => (
          <li key={row.key}>
            <span>{row.label}</span>
            <span className="bar-track">
              {row.value === null ? (
                <>
                  <span className="bar is-suppressed" aria-hidden="true" />
                  <span>{t('suppressedLong', { threshold })}</span>
                </>
              ) : (
                <>
                  <span className="bar" style={{ width: `${(row.value / max) * 70}%` }} aria-hidden="true" />
                  <span>{formatNumber(row.value, i18n.language)}</span>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
