import { reconnectDelay } from './backoff';
import { toRealtimeEvent, type RealtimeEvent } from './realtimeEvents';
import { createSseParser } from './sseParser';

/** `connecting` covers the first connection and every wait before a reconnection; `stopped` is final. */
export type StreamStatus = 'connecting' | 'open' | 'stopped';

export interface EventStreamOptions {
  /** Opens one connection to GET /api/v1/events (through the app's API client: token, 401 handling). */
  connect: (lastEventId: string | null, signal: AbortSignal) => Promise<Response>;
  onEvent: (event: RealtimeEvent) => void;
  onStatus?: (status: StreamStatus) => void;
  /** Injected in tests; jitter of the reconnection delays. */
  random?: () => number;
  /** No byte for this long means a dead connection (the server sends a comment every 20 s). */
  idleTimeoutMs?: number;
  /** Resume after this event (a tab taking over the stream from another one, see sharedEventStream). */
  lastEventId?: string;
}

export interface EventStream {
  close: () => void;
}

const IDLE_TIMEOUT_MS = 45_000;
const EVENT_STREAM_TYPE = /^text\/event-stream\b/i;

/**
 * Answers that will not change by retrying: 401 already went through the session-expired path in the API client
 * (which signs the user out), 403/404 mean this API or key has no stream. Everything else is retried.
 */
function isFinal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/**
 * The realtime stream: one streaming GET at a time, reconnected with backoff (1 s, 2 s, 4 s … 15 s, jitter) and
 * resumed with Last-Event-ID. It stops for good on `close()`, on 4xx answers and on a non-stream answer.
 */
export function createEventStream(options: EventStreamOptions): EventStream {
  const random = options.random ?? Math.random;
  const idleTimeoutMs = options.idleTimeoutMs ?? IDLE_TIMEOUT_MS;
  let closed = false;
  let attempt = 0;
  let serverRetryMs = 0;
  let lastEventId = options.lastEventId ?? '';
  let status: StreamStatus | null = null;
  let current: AbortController | null = null;
  let wake: (() => void) | null = null;

  const setStatus = (next: StreamStatus) => {
    if (next === status) return;
    status = next;
    options.onStatus?.(next);
  };

  const handle = (event: RealtimeEvent) => {
    if (event.name === 'ready') attempt = 0;
    try {
      options.onEvent(event);
    } catch (error) {
      // A bug in one handler must not cut the stream (which would replay the same event forever).
      console.error('realtime: event handler failed', error);
    }
  };

  /** One connection, read to its end; says whether to try again. */
  const connectOnce = async (): Promise<boolean> => {
    const controller = new AbortController();
    current = controller;
    let response: Response;
    try {
      response = await options.connect(lastEventId || null, controller.signal);
    } catch {
      return true; // Network failure (or our own abort, which `closed` then stops).
    }
    if (!response.ok) return !isFinal(response.status);
    if (!response.body || !EVENT_STREAM_TYPE.test(response.headers.get('content-type') ?? '')) return false;
    setStatus('open');
    const parser = createSseParser(
      {
        onMessage: (message) => {
          lastEventId = message.lastEventId;
          const event = toRealtimeEvent(message);
          if (event) handle(event);
        },
        onRetry: (ms) => {
          serverRetryMs = ms;
        },
      },
      lastEventId,
    );
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let idle: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => controller.abort(), idleTimeoutMs);
    };
    try {
      watch();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        watch();
        parser.push(decoder.decode(value, { stream: true }));
      }
    } catch {
      // Dropped connection, idle timeout or close(): all end this connection.
    } finally {
      clearTimeout(idle);
      lastEventId = parser.lastEventId();
      controller.abort(); // Releases the body if the loop ended for another reason than the server closing it.
    }
    return true;
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  // Back online: no reason to sit out the rest of a long delay.
  const onOnline = () => wake?.();
  globalThis.addEventListener?.('online', onOnline);

  const run = async () => {
    setStatus('connecting');
    while (!closed) {
      const again = await connectOnce();
      if (closed || !again) break;
      setStatus('connecting');
      await sleep(reconnectDelay(attempt, random, serverRetryMs));
      attempt += 1;
    }
    globalThis.removeEventListener?.('online', onOnline);
    setStatus('stopped');
  };
  void run();

  return {
    close: () => {
      closed = true;
      current?.abort();
      wake?.();
    },
  };
}
