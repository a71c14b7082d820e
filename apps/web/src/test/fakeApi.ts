import { vi } from 'vitest';

type Handler = (request: Request) => Response | Promise<Response>;

/** A JSON answer as the API would send it. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** An error answer in the API's one error body (the code derived from the reason phrase, as the API does). */
export function apiError(statusCode: number, error: string, message: string, details?: unknown[]): Response {
  const code = error.toLowerCase().replace(/\W+/g, '_');
  return json(statusCode, { statusCode, error, code, message, ...(details ? { details } : {}) });
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** An error answer with an explicit API code (login_locked, server_busy…), and headers such as Retry-After. */
export function apiErrorWithCode(
  statusCode: number,
  code: string,
  message: string,
  { details, headers }: { details?: unknown[]; headers?: Record<string, string> } = {},
): Response {
  const error = REASONS[statusCode] ?? 'Error';
  const body = { statusCode, error, code, message, ...(details ? { details } : {}) };
  return new Response(JSON.stringify(body), {
    status: statusCode,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/**
 * A fake `fetch` for the API client, routed by "METHOD /path" (e.g. "GET /api/v1/auth/me").
 * Unknown routes answer 404 so a missing stub shows up as a visible error instead of hanging.
 */
export function createFakeFetch(routes: Record<string, Handler>) {
  return vi.fn(async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    const handler = routes[`${request.method} ${pathname}`];
    if (!handler) return apiError(404, 'Not Found', `No fake route for ${request.method} ${pathname}`);
    return handler(request);
  });
}

/** A promise settled from the outside, to hold an answer while a test looks at the optimistic state. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** The query string of the last call to `METHOD /path` as an object. */
export function lastQuery(fetch: ReturnType<typeof createFakeFetch>, route: string): Record<string, string> {
  const calls = fetch.mock.calls.filter(([request]) => `${request.method} ${new URL(request.url).pathname}` === route);
  const last = calls[calls.length - 1];
  if (!last) throw new Error(`${route} was not called`);
  return Object.fromEntries(new URL(last[0].url).searchParams);
}
