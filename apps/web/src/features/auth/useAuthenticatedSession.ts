import type { MeResponse } from '@whatrack/api-client';
import { useSession } from './useSession';

/** The signed-in user and organization; only valid below <RequireAuth>. */
export function useAuthenticatedSession(): MeResponse {
  const { session } = useSession();
  if (session.status !== 'authenticated') throw new Error('useAuthenticatedSession must be used below <RequireAuth>');
  return session.me;
}
