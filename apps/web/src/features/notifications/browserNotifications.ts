/** Remembers that the user turned browser notifications on (the permission alone may come from another app). */
export const BROWSER_OPT_IN_KEY = 'whatrack.notifications.browser';

/** `off`: supported and not denied, but the user has not opted in (or the permission is not granted yet). */
export type BrowserNotificationState = 'unsupported' | 'denied' | 'off' | 'on';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function browserNotificationState(): BrowserNotificationState {
  if (typeof Notification === 'undefined') return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  const optedIn = storage()?.getItem(BROWSER_OPT_IN_KEY) === 'on';
  return Notification.permission === 'granted' && optedIn ? 'on' : 'off';
}

/** Must run from a click: browsers only show the permission prompt for a user gesture. */
export async function enableBrowserNotifications(): Promise<BrowserNotificationState> {
  if (typeof Notification === 'undefined') return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission === 'granted') storage()?.setItem(BROWSER_OPT_IN_KEY, 'on');
  return browserNotificationState();
}

export function disableBrowserNotifications(): BrowserNotificationState {
  storage()?.removeItem(BROWSER_OPT_IN_KEY);
  return browserNotificationState();
}

interface BrowserNotification {
  title: string;
  body: string;
  tag: string;
  onClick: () => void;
}

/** A system notification, only while the tab is hidden and the user opted in (in the tab, the bell is enough). */
export function showBrowserNotification({ title, body, tag, onClick }: BrowserNotification): boolean {
  if (document.visibilityState !== 'hidden' || browserNotificationState() !== 'on') return false;
  try {
    const notification = new Notification(title, { body, tag });
    notification.onclick = () => {
      window.focus();
      onClick();
      notification.close();
    };
    return true;
  } catch {
    // Android Chrome only shows notifications from a service worker: the bell and the title still tell.
    return false;
  }
}
