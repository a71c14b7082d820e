import type { ApiClient, ApiPath } from '@whatrack/api-client';

/** The realtime stream (issue #14, operation streamEvents): the only place its path is spelled. */
export const EVENTS_PATH = '/api/v1/events' satisfies ApiPath;

/**
 * One connection to the stream through the app's API client, so it carries the session's Authorization header
 * (never a token in the URL) and a 401 takes the app's session-expired path (the client signs the user out).
 */
export async function openEventStream(
  client: ApiClient,
  lastEventId: string | null,
  signal: AbortSignal,
): Promise<Response> {
  const { response } = await client.GET(EVENTS_PATH, {
    params: { header: lastEventId ? { 'Last-Event-ID': lastEventId } : {} },
    headers: { Accept: 'text/event-stream' },
    parseAs: 'stream',
    signal,
    cache: 'no-store',
  });
  return response;
}
