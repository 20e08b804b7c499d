import { Container } from 'design-react-kit';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { AppHeader } from './AppHeader.tsx';

/** Skip link, banner with the menu, one main landmark, footer. `headerTools`: features' header items (e.g. the worklist counter). */
export function Layout({ children, headerTools }: { children: ReactNode; headerTools?: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After client-side navigation, put focus on the new page's heading so screen readers announce it,
  // unless the user has already moved the focus elsewhere meanwhile (a fast keyboard user's Tab, or a
  // busy machine's late frame, must not be undone).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const focusedAtNavigation = document.activeElement;
    const frame = requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>('#main-content h1');
      if (document.activeElement !== focusedAtNavigation) return;
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
    });
    return () => { cancelAnimationFrame(frame); };
  }, [pathname]);

  return (
    <>
      <a className="visually-hidden-focusable skip-link" href="#main-content" data-testid="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppHeader tools={headerTools} />
      <main id="main-content" tabIndex={-1} className="app-main">
        <Container className="py-4">{children}</Container>
      </main>
      <footer className="app-footer">
        <Container className="py-3">
          <p className="mb-0 small">{t('app.footer')}</p>
        </Container>
      </footer>
    </>
  );
}
