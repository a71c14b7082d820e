import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../layout/Icon';
import { ToastContext, type Toast, type ToastApi } from './ToastContext';

const SUCCESS_MS = 5000;
const ERROR_MS = 12000;
const MAX_TOASTS = 3;

/** Notifications of actions that finished in the background (optimistic updates, rollbacks, copies). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const show = useCallback<ToastApi['show']>(
    (toast) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-(MAX_TOASTS - 1)), { ...toast, id }]);
      setTimeout(() => dismiss(id), toast.tone === 'error' ? ERROR_MS : SUCCESS_MS);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ show }), [show]);

  const render = (tone: Toast['tone']) =>
    toasts
      .filter((toast) => toast.tone === tone)
      .map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`} role={tone === 'error' ? 'alert' : undefined}>
          <p>{toast.message}</p>
          <button
            type="button"
            className="btn btn-ghost btn-icon btn-sm"
            aria-label={t('common.dismiss')}
            onClick={() => dismiss(toast.id)}
          >
            <Icon name="close" />
          </button>
        </div>
      ));

  return (
    <ToastContext value={api}>
      {children}
      <div className="toasts">
        <div>{render('error')}</div>
        <div role="status" aria-live="polite">
          {render('success')}
        </div>
      </div>
    </ToastContext>
  );
}
