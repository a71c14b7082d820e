import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { useAuthenticatedSession } from '../auth/useAuthenticatedSession';
import { BrandMark } from './BrandMark';
import { Icon } from './Icon';
import { LanguageSwitcher } from './LanguageSwitcher';
import { NAV_ITEMS } from './navItems';

interface SidebarProps {
  id: string;
  open: boolean;
  onNavigate: () => void;
}

/** Brand, organization and main navigation; an off-canvas drawer on narrow screens. */
export function Sidebar({ id, open, onNavigate }: SidebarProps) {
  const { t } = useTranslation();
  const { organization } = useAuthenticatedSession();
  const navRef = useRef<HTMLElement>(null);

  // Opening the drawer (narrow screens) moves the focus into it.
  useEffect(() => {
    if (open) navRef.current?.querySelector('a')?.focus();
  }, [open]);

  return (
    <aside id={id} className="sidebar" data-open={open}>
      <div className="sidebar-brand">
        <BrandMark />
      </div>
      <div className="sidebar-org">
        <span className="sidebar-org-label">{t('layout.organization')}</span>
        <span className="sidebar-org-name">{organization.name}</span>
      </div>
      <nav ref={navRef} aria-label={t('nav.label')}>
        <ul className="nav-list">
          {NAV_ITEMS.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} className="nav-link" onClick={onNavigate}>
                <Icon name={item.icon} />
                <span>{t(item.label)}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar-footer">
        <LanguageSwitcher />
      </div>
    </aside>
  );
}
