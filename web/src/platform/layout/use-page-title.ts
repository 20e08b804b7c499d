import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Every page gets its own document title (WCAG 2.4.2). */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.pageTitle', { title });
  }, [t, title]);
}
