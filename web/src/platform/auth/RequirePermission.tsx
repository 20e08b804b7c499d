import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useMe } from './auth-context.ts';
import { can, type Permission } from './permissions.ts';

function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t('forbidden.title'));
  return (
    <section data-testid="forbidden">
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.text')}</p>
    </section>
  );
}

/** Hides a page the user's roles do not open; the server refuses its API calls anyway. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  return can(me, permission) ? <>{children}</> : <Forbidden />;
}
