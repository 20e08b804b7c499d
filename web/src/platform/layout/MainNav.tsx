import { Collapse, Header, HeaderContent, HeaderToggler, Icon, Nav, NavItem } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import { useMe } from '../auth/auth-context.ts';
import { sectionsFor, type SectionKey } from './sections.ts';

/** Sections shown in the menu have a `nav.<key>` label; the others (new person, new access, booking) only a home card. */
type NavKey = 'home' | Exclude<SectionKey, 'newPerson' | 'newAccess' | 'bookAppointment'>;

export function MainNav() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const [isOpen, setOpen] = useState(false);

  useEffect(() => {
    setOpen(false);
  }, [location.pathname]);

  const items = [{ key: 'home', to: '/' }, ...sectionsFor(me).filter((s) => s.inMenu)];
  return (
    <Header type="navbar" theme="">
      <HeaderContent expand="lg">
        <HeaderToggler
          aria-controls="main-nav"
          aria-label={t('nav.open')}
          onClick={() => { setOpen(!isOpen); }}
          isOpen={isOpen}
          testId="nav-toggle"
        >
          <Icon icon="it-burger" aria-hidden="true" />
        </HeaderToggler>
        <Collapse
          isOpen={isOpen}
          navbar
          header
          onOverlayClick={() => { setOpen(false); }}
          closeSrText={t('nav.close')}
          id="main-nav"
          {...(isOpen ? { 'aria-label': t('nav.label') } : {})}
        >
          <nav className="menu-wrapper" aria-label={t('nav.label')}>
            <Nav navbar>
              {items.map((item) => (
                <NavItem key={item.key}>
                  <NavLink
                    to={item.to}
                    end={item.to === '/'}
                    className={({ isActive }) => `nav-link ${isActive ? 'active' : ''}`}
                    data-testid={`nav-${item.key}`}
                  >
                    <span>{t(`nav.${item.key as NavKey}`)}</span>
                  </NavLink>
                </NavItem>
              ))}
            </Nav>
          </nav>
        </Collapse>
      </HeaderContent>
    </Header>
  );
}
