import type { QueryClient } from '@tanstack/react-query';
import { createApi, type Api, type CreateApiOptions } from '../lib/api';
import { createQueryClient } from '../lib/query-client';
import { createSessionStore, type SessionStore, type TokenStorage } from '../lib/session-store';

/** Everything the React tree needs from the outside world; tests build it with a fake fetch. */
export interface AppServices {
  sessionStore: SessionStore;
  queryClient: QueryClient;
  api: Api;
}

export interface CreateAppServicesOptions extends Pick<CreateApiOptions, 'baseUrl' | 'fetch'> {
  storage?: TokenStorage | null;
}

export function createAppServices(options: CreateAppServicesOptions = {}): AppServices {
  const sessionStore = options.storage === undefined ? createSessionStore() : createSessionStore(options.storage);
  const queryClient = createQueryClient();
  // Cached data belongs to one session: drop it whenever the token changes (sign-in, sign-out, 401, other tab).
  sessionStore.subscribe(() => queryClient.removeQueries());
  const api = createApi({ sessionStore, baseUrl: options.baseUrl, fetch: options.fetch });
  return { sessionStore, queryClient, api };
}
