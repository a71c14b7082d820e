import type { ApiError, AuthResponse, MeResponse } from '@whatrack/api-client';
import { createContext } from 'react';

export type Session =
  | { status: 'anonymous' }
  /** A stored token is being validated (GET /auth/me). */
  | { status: 'loading' }
  /** The token could not be validated for another reason than 401 (offline, 5xx). */
  | { status: 'error'; error: ApiError; retry: () => void }
  | { status: 'authenticated'; me: MeResponse };

export interface SessionContextValue {
  session: Session;
  /** Stores the token of a login/register answer; the answer also seeds the current user. */
  signIn: (auth: AuthResponse) => void;
  signOut: () => void;
  /** Keeps the session on a new token of the same user (a password change ends every older token). */
  renewToken: (token: string) => void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);
