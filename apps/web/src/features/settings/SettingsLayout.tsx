import './settings.css';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router-dom';
import { usePermissions } from '../auth/usePermissions';
import { PageHeader } from '../layout/PageHeader';
import { SETTINGS_SECTIONS } from './settingsNav';

/** /dashboard/settings/*: sub-navigation and the current section. */
export function SettingsLayout() {
  const { t } = useTranslation();
  const { canManage } = usePermissions();
  return (
    <>
      <PageHeader title={t('nav.settings')} subtitle={t('settings.subtitle')} />
      <nav className="subnav" aria-label={t('settings.nav.label')}>
        <ul>
          {SETTINGS_SECTIONS.filter((section) => canManage || !section.managersOnly).map((section) => (
            <li key={section.path}>
              <NavLink to={`/dashboard/settings/${section.path}`} className="subnav-link">
                {t(section.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
