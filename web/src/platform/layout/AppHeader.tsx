import { Header, HeaderBrand, HeaderContent, HeaderRightZone, Headers } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { roles } from '../auth/roles.ts';
import { useAuth, useMe } from '../auth/auth-context.ts';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import type { ReactNode } from 'react';
import { MainNav } from './MainNav.tsx';

export function AppHeader({ tools }: { tools?: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const { logout, lock } = useAuth();
  const navigate = useNavigate();
  const myRoles = roles.filter((role) => me.grants.some((grant) => grant.role === role));

  return (
    <header className="app-header">
      <Headers shadow>
        <Header type="slim">
          <HeaderContent>
            <HeaderBrand tag="span">{t('app.organization')}</HeaderBrand>
            <HeaderRightZone className="app-header-right">
              <LanguageSwitch />
              {tools}
              <div className="app-user" data-testid="current-user">
                <span className="visually-hidden">{t('header.userLabel')}: </span>
                <span className="app-user-name" data-testid="current-user-name">
                  {me.displayName}
                </span>
                {myRoles.length ? (
                  <span className="app-user-roles" data-testid="current-user-roles">
                    <span className="visually-hidden">, {t('header.rolesLabel')}: </span>
                    {myRoles.map((role) => t(`roles.${role}`)).join(', ')}
                  </span>
                ) : null}
              </div>
              <Link to="/account/password" className="app-header-link" data-testid="nav-account">
                {t('nav.account')}
              </Link>
              <button
                type="button"
                className="btn btn-sm app-header-button"
                data-testid="lock-session"
                onClick={() => void lock()}
              >
                {t('header.lock')}
              </button>
              <button
                type="button"
                className="btn btn-sm app-header-button"
                data-testid="logout"
                onClick={() => {
                  void logout().then(() => navigate('/login', { replace: true }));
                }}
              >
                {t('header.logout')}
              </button>
            </HeaderRightZone>
          </HeaderContent>
        </Header>
        <div className="it-nav-wrapper">
          <Header type="center" small>
            <HeaderContent>
              <div className="it-brand-wrapper">
                <Link to="/" data-testid="brand-home">
                  <div className="it-brand-text">
                    <div className="it-brand-title">{t('app.name')}</div>
                    <div className="it-brand-tagline d-none d-md-block">{t('app.tagline')}</div>
                  </div>
                </Link>
              </div>
            </HeaderContent>
          </Header>
          <MainNav />
        </div>
      </Headers>
    </header>
  );
}
