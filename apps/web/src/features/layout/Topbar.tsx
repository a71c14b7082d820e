import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuthenticatedSession } from '../auth/useAuthenticatedSession';
import { useSession } from '../auth/useSession';
import { NotificationBell } from '../notifications/NotificationBell';
import { Icon } from './Icon';
import { useEnumLabels } from '../../i18n/useEnumLabels';

interface TopbarProps {
  navId: string;
  navOpen: boolean;
  onToggleNav: () => void;
  menuButtonRef: Ref<HTMLButtonElement>;
}

export function Topbar({ navId, navOpen, onToggleNav, menuButtonRef }: TopbarProps) {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const { signOut } = useSession();
  const { user, organization } = useAuthenticatedSession();
  const navigate = useNavigate();

  const logout = () => {
    signOut();
    void navigate('/login', { replace: true });
  };

  return (
    <header className="topbar">
      <button
        ref={menuButtonRef}
        type="button"
        className="btn btn-ghost btn-icon menu-button"
        aria-controls={navId}
        aria-expanded={navOpen}
        aria-label={navOpen ? t('nav.closeMenu') : t('nav.openMenu')}
        onClick={onToggleNav}
      >
        <Icon name={navOpen ? 'close' : 'menu'} />
      </button>
      <span className="topbar-org">{organization.name}</span>
      <div className="topbar-user">
        <NotificationBell />
        {user && (
          <Link
            to="/dashboard/account"
            className="topbar-user-text topbar-account"
            aria-label={`${t('members.account.nav')}: ${user.name}`}
          >
            <span className="topbar-user-name">{user.name}</span>
            <span className="topbar-user-role">{labels.userRole(user.role)}</span>
          </Link>
        )}
        <button type="button" className="btn btn-ghost" onClick={logout}>
          <Icon name="logout" />
          <span>{t('auth.logout')}</span>
        </button>
      </div>
    </header>
  );
}
