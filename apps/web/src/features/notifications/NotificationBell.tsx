import './notifications.css';
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../layout/Icon';
import { useRealtime } from '../realtime/useRealtime';
import { NotificationPanel } from './NotificationPanel';

/** The top bar's bell: the unread count, and the list of notifications in a panel (Escape or a click away closes). */
export function NotificationBell() {
  const { t } = useTranslation();
  const { notifications } = useRealtime();
  const state = useSyncExternalStore(notifications.subscribe, notifications.getState);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  return (
    <div
      ref={wrapper}
      className="notif"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        event.stopPropagation();
        close(true);
      }}
      onBlur={(event) => {
        // Tabbing out of the panel closes it, as a click elsewhere does.
        const next = event.relatedTarget;
        if (open && next instanceof Node && !wrapper.current?.contains(next)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="btn btn-ghost btn-icon notif-bell"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={state.unread > 0 ? t('notifications.bellUnread', { count: state.unread }) : t('notifications.bell')}
        onClick={() => setOpen((value) => !value)}
      >
        <Icon name="bell" />
        {state.unread > 0 && (
          <span className="notif-count" aria-hidden="true">
            {state.unread > 99 ? '99+' : state.unread}
          </span>
        )}
      </button>
      {open && <NotificationPanel id={panelId} state={state} store={notifications} onClose={close} />}
    </div>
  );
}
