import type { ApiClient } from '@whatrack/api-client';

/** The realtime stream (issue #14): the only place its path is spelled. */
export const EVENTS_PATH = '/api/v1/events';

/** Until the stream is in the generated spec, the client is called with the untyped shape of its GET. */
type UntypedGet = (
  path: string,
  init: { parseAs: 'stream'; headers: Record<string, string>; signal: AbortSignal; cache: RequestCache },
) => Promise<{ response: Response }>;

/**
 * One connection to the stream through the app's API client, so it carries the session's Authorization header
 * (never a token in the URL) and a 401 takes the app's session-expired path (the client signs the user out).
 */
export async function openEventStream(
  client: ApiClient,
  lastEventId: string | null,
  signal: AbortSignal,
): Promise<Response> {
  const get = client.GET as unknown as UntypedGet;
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  if (lastEventId) headers['Last-Event-ID'] = lastEventId;
  const { response } = await get(EVENTS_PATH, { parseAs: 'stream', headers, signal, cache: 'no-store' });
  return response;
}
