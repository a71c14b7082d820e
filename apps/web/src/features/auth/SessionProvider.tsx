import { useQueryClient } from '@tanstack/react-query';
import { ApiError, type AuthResponse, type MeResponse } from '@whatrack/api-client';
import { useCallback, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { SessionStore } from '../../lib/session-store';
import { SessionContext, type Session, type SessionContextValue } from './SessionContext';
import { queryKeys } from '../../api/query-keys';
import { useApiQuery } from '../../api/useApiQuery';

const ME_STALE_TIME = 5 * 60_000;

interface SessionProviderProps {
  store: SessionStore;
  children: ReactNode;
}

/** Exposes the session: the stored token, validated against GET /auth/me (a 401 there clears the token). */
export function SessionProvider({ store, children }: SessionProviderProps) {
  const queryClient = useQueryClient();
  const token = useSyncExternalStore(store.subscribe, store.getToken);
  const me = useApiQuery(queryKeys.me(), {
    enabled: token !== null,
    staleTime: ME_STALE_TIME,
  });
  const { data, error, refetch } = me;

  const signIn = useCallback(
    (auth: AuthResponse) => {
      store.setToken(auth.accessToken); // Drops the previous session's cache first.
      const seeded: MeResponse = { principal: 'user', user: auth.user, organization: auth.organization };
      queryClient.setQueryData(queryKeys.me(), seeded);
    },
    [store, queryClient],
  );

  const renewToken = useCallback(
    (next: string) => {
      const current = queryClient.getQueryData<MeResponse>(queryKeys.me());
      store.setToken(next);
      // Same user: what the token change just dropped is still right, and re-asking would flash a loading screen.
      if (current) queryClient.setQueryData(queryKeys.me(), current);
    },
    [store, queryClient],
  );

  const session = useMemo((): Session => {
    if (token === null) return { status: 'anonymous' };
    if (data) return { status: 'authenticated', me: data };
    if (error) return { status: 'error', error: ApiError.from(error), retry: () => void refetch() };
    return { status: 'loading' };
  }, [token, data, error, refetch]);

  const value = useMemo(
    (): SessionContextValue => ({ session, signIn, signOut: store.clear, renewToken }),
    [session, signIn, store.clear, renewToken],
  );

  return <SessionContext value={value}>{children}</SessionContext>;
}
