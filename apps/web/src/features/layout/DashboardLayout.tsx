import { Suspense, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { ReconnectingIndicator } from '../realtime/ReconnectingIndicator';
import { FullPageStatus } from '../ui/FullPageStatus';
import { Sidebar } from './Sidebar';
import { Topbar } from './Topbar';

/** The signed-in shell: sidebar navigation, top bar, the current page, and the realtime stream behind them all. */
export function DashboardLayout() {
  const { t } = useTranslation();
  const navId = useId();
  const [navOpen, setNavOpen] = useState(false);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const closeNav = () => setNavOpen(false);

  return (
    <RealtimeProvider>
      <div
        className="shell"
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || !navOpen) return;
          closeNav();
          menuButtonRef.current?.focus();
        }}
      >
        <a className="skip-link" href="#main-content">
          {t('app.skipToContent')}
        </a>
        <Sidebar id={navId} open={navOpen} onNavigate={closeNav} />
        {navOpen && <div className="backdrop" aria-hidden="true" onClick={closeNav} />}
        <div className="shell-main">
          <Topbar
            navId={navId}
            navOpen={navOpen}
            onToggleNav={() => setNavOpen((open) => !open)}
            menuButtonRef={menuButtonRef}
          />
          <main id="main-content" className="content" tabIndex={-1}>
            <Suspense fallback={<FullPageStatus label={t('app.loading')} />}>
              <Outlet />
            </Suspense>
          </main>
        </div>
        <ReconnectingIndicator />
      </div>
    </RealtimeProvider>
  );
}
