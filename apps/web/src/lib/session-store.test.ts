import { describe, expect, it, vi } from 'vitest';
import { TOKEN_STORAGE_KEY, createSessionStore } from './session-store';

describe('createSessionStore', () => {
  it('persists the token and notifies subscribers', () => {
    const store = createSessionStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);

    store.setToken('t1');
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('t1');
    expect(createSessionStore().getToken()).toBe('t1'); // what a reload would read

    store.clear();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it('follows sign-outs made in another tab', () => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, 't1');
    const store = createSessionStore();
    const listener = vi.fn();
    store.subscribe(listener);

    window.localStorage.removeItem(TOKEN_STORAGE_KEY);
    window.dispatchEvent(new StorageEvent('storage', { key: TOKEN_STORAGE_KEY }));

    expect(store.getToken()).toBeNull();
    expect(listener).toHaveBeenCalledOnce();
  });

  it('keeps working in memory when storage throws', () => {
    const storage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => undefined,
    };
    const store = createSessionStore(storage);
    store.setToken('t1');
    expect(store.getToken()).toBe('t1');
  });
});
