import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';

export type SummaryItem = { key: string; fieldId: string; label: string; message: string };

/**
 * The list of a form's errors, each a link to its field; receives focus after a failed submit so
 * keyboard and screen-reader users land on it.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { items: readonly SummaryItem[] }>(function ErrorSummary(
  { items },
  ref,
) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <div ref={ref} tabIndex={-1} className="alert alert-danger" role="alert" data-testid="error-summary">
      <p className="fw-semibold mb-1">{t('form.errorSummary')}</p>
      <ul className="mb-0">
        {items.map((item) => (
          <li key={item.key}>
            <a
              href={`#${item.fieldId}`}
              onClick={(event) => {
                const field = document.getElementById(item.fieldId);
                if (field) {
                  event.preventDefault();
                  field.focus();
                }
              }}
            >
              {item.label}: {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});
