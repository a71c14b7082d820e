import { createApiClient, createApiHooks, type ApiClient, type ApiHooks } from '@whatrack/api-client';
import type { SessionStore } from './session-store';

export interface Api {
  /** Plain typed client, for imperative calls. */
  client: ApiClient;
  /** React Query hooks (queries go through `useApiQuery(queryKeys…)`, see src/api). */
  hooks: ApiHooks;
}

export interface CreateApiOptions {
  sessionStore: SessionStore;
  /** Defaults to the page origin (the API serves the SPA; Vite proxies /api in development). */
  baseUrl?: string;
  /** Injected in tests. */
  fetch?: (request: Request) => Promise<Response>;
}

/** The app's API access: sends the session token, and ends the session when the API rejects it (401). */
export function createApi({ sessionStore, baseUrl, fetch }: CreateApiOptions): Api {
  const client = createApiClient({
    baseUrl: baseUrl ?? (import.meta.env.VITE_API_BASE_URL || window.location.origin),
    getToken: sessionStore.getToken,
    onUnauthorized: sessionStore.clear,
    ...(fetch ? { fetch } : {}),
  });
  return { client, hooks: createApiHooks(client) };
}
