/** Where the access token lives between reloads. */
export const TOKEN_STORAGE_KEY = 'whatrack.accessToken';

export type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A tiny external store for the access token (React reads it with useSyncExternalStore). */
export interface SessionStore {
  getToken: () => string | null;
  setToken: (token: string) => void;
  clear: () => void;
  /** Notified on every token change, including sign-in/out in another tab. */
  subscribe: (listener: () => void) => () => void;
}

function defaultStorage(): TokenStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // Storage disabled: the session then lasts for this page only.
  }
}

export function createSessionStore(storage: TokenStorage | null = defaultStorage()): SessionStore {
  const read = (): string | null => {
    try {
      return storage?.getItem(TOKEN_STORAGE_KEY) || null;
    } catch {
      return null;
    }
  };
  const listeners = new Set<() => void>();
  let token = read();

  const update = (next: string | null, persist: boolean) => {
    if (next === token) return;
    token = next;
    if (persist) {
      try {
        if (next) storage?.setItem(TOKEN_STORAGE_KEY, next);
        else storage?.removeItem(TOKEN_STORAGE_KEY);
      } catch {
        // Quota or privacy mode: keep the in-memory token.
      }
    }
    listeners.forEach((listener) => listener());
  };

  const onStorage = (event: StorageEvent) => {
    if (event.key === TOKEN_STORAGE_KEY || event.key === null) update(read(), false);
  };

  return {
    getToken: () => token,
    setToken: (next) => update(next, true),
    clear: () => update(null, true),
    subscribe: (listener) => {
      if (listeners.size === 0) window.addEventListener('storage', onStorage);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) window.removeEventListener('storage', onStorage);
      };
    },
  };
}
