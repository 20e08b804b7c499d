import { Pager, PagerItem, PagerLink } from 'design-react-kit';
import { useTranslation } from 'react-i18next';

type Props = {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  label?: string;
  testId?: string;
};

/** Previous / numbered / next pagination with buttons; the page decides what a page change does. */
export function PagerNav({ page, pageSize, total, onPage, label, testId = 'pager' }: Props) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const from = Math.max(1, Math.min(page - 2, pages - 4));
  const numbers = Array.from({ length: Math.min(5, pages) }, (_, i) => from + i);
  return (
    <Pager aria-label={label ?? t('pager.label')} className="mt-3" testId={testId}>
      <PagerItem disabled={page <= 1}>
        <PagerLink
          tag="button"
          type="button"
          onClick={() => { onPage(page - 1); }}
          disabled={page <= 1}
          data-testid={`${testId}-previous`}
        >
          <span aria-hidden="true">‹</span>
          <span className="visually-hidden">{t('pager.previous')}</span>
        </PagerLink>
      </PagerItem>
      {numbers.map((n) => (
        <PagerItem key={n} active={n === page}>
          <PagerLink
            tag="button"
            type="button"
            aria-current={n === page ? 'page' : undefined}
            aria-label={n === page ? t('pager.current', { page: n }) : t('pager.page', { page: n })}
            onClick={() => { onPage(n); }}
          >
            {n}
          </PagerLink>
        </PagerItem>
      ))}
      <PagerItem disabled={page >= pages}>
        <PagerLink
          tag="button"
          type="button"
          onClick={() => { onPage(page + 1); }}
          disabled={page >= pages}
          data-testid={`${testId}-next`}
        >
          <span className="visually-hidden">{t('pager.next')}</span>
          <span aria-hidden="true">›</span>
        </PagerLink>
      </PagerItem>
    </Pager>
  );
}
