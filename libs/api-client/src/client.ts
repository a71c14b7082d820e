import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import { ApiError, isErrorBody } from './errors.js';
import type { paths } from './schema.gen.js';

export type ApiClient = Client<paths>;

export interface CreateApiClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** Origin of the API, e.g. `window.location.origin` or `http://localhost:3000` (paths already start with /api/v1). */
  baseUrl: string;
  /** Current access token; sent as `Authorization: Bearer <token>` when present. */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Called when a request that carried our token is answered 401 (expired or revoked session). */
  onUnauthorized?: (response: Response) => void;
}

const JSON_TYPE = /\bjson\b/i;

/** Rewrites a non-JSON error answer (proxy page, empty body...) into the documented error body. */
async function normalizeErrorResponse(response: Response): Promise<Response | undefined> {
  const text = await response.clone().text();
  let jsonMessage: string | undefined;
  if (JSON_TYPE.test(response.headers.get('content-type') ?? '')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (isErrorBody(parsed)) return undefined;
      const { message } = (parsed ?? {}) as { message?: unknown };
      if (typeof message === 'string' && message.trim() !== '') jsonMessage = message.trim();
    } catch {
      // Not valid JSON despite the header: normalized below.
    }
  }
  const error = response.statusText || 'Error';
  const plain = text.trim();
  const isShortText = jsonMessage === undefined && plain !== '' && plain.length <= 300 && !/^[<{[]/.test(plain);
  const message = jsonMessage ?? (isShortText ? plain : `${response.status} ${error}`);
  return new Response(JSON.stringify({ statusCode: response.status, error, message }), {
    status: response.status,
    statusText: response.statusText,
    headers: { 'content-type': 'application/json' },
  });
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Bearer token, 401 hook and error normalization (every failure surfaces as the documented error shape). */
export function createAuthMiddleware(options: Pick<CreateApiClientOptions, 'getToken' | 'onUnauthorized'>): Middleware {
  const authenticated = new WeakSet<Request>();
  return {
    async onRequest({ request }) {
      const token = await options.getToken?.();
      if (!token || request.headers.has('Authorization')) return undefined;
      request.headers.set('Authorization', `Bearer ${token}`);
      authenticated.add(request);
      return request;
    },
    async onResponse({ request, response }) {
      if (response.ok) return undefined;
      if (response.status === 401 && authenticated.has(request)) options.onUnauthorized?.(response);
      return normalizeErrorResponse(response);
    },
    onError({ error }) {
      // Aborts stay as they are so React Query can tell cancellations apart from failures.
      return isAbort(error) ? undefined : ApiError.from(error);
    },
  };
}

/** Typed fetch client for the WhaTrack API. */
export function createApiClient({ getToken, onUnauthorized, ...clientOptions }: CreateApiClientOptions): ApiClient {
  const client = createClient<paths>(clientOptions);
  client.use(createAuthMiddleware({ getToken, onUnauthorized }));
  return client;
}
