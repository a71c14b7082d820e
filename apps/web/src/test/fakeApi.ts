import { vi } from 'vitest';

type Handler = (request: Request) => Response | Promise<Response>;

/** A JSON answer as the API would send it. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function apiError(statusCode: number, error: string, message: string, details?: unknown[]): Response {
  return json(statusCode, { statusCode, error, message, ...(details ? { details } : {}) });
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
