import { createEventStream, type EventStream, type EventStreamOptions, type StreamStatus } from './eventStream';
import type { RealtimeEvent } from './realtimeEvents';

type Message = { type: 'event'; event: RealtimeEvent } | { type: 'status'; status: StreamStatus } | { type: 'hello' };

export interface SharedStreamEnvironment {
  locks: Pick<LockManager, 'request'>;
  channel: (name: string) => Pick<BroadcastChannel, 'postMessage' | 'close' | 'addEventListener'>;
}

function browserEnvironment(): SharedStreamEnvironment | null {
  if (typeof navigator === 'undefined' || !navigator.locks || typeof BroadcastChannel === 'undefined') return null;
  return { locks: navigator.locks, channel: (name) => new BroadcastChannel(name) };
}

const NAME = 'whatrack-events';

/**
 * One stream for all the tabs of the app: the tab holding a Web Lock reads GET /events and passes every event and
 * its status on to the other tabs over a BroadcastChannel; when it closes, another tab takes the lock and resumes
 * from the last event id it heard. Browsers allow 6 HTTP/1.1 connections per host: a stream per tab would starve
 * the API calls of an agent with many tabs open. Without these APIs each tab simply has its own stream.
 */
export function createSharedEventStream(
  options: EventStreamOptions,
  environment: SharedStreamEnvironment | null = browserEnvironment(),
): EventStream {
  if (!environment) return createEventStream(options);
  const channel = environment.channel(NAME);
  const quit = new AbortController();
  let lastEventId = options.lastEventId ?? '';
  let leader: { stream: EventStream; status: StreamStatus } | null = null;
  let shown: StreamStatus | null = null;
  const show = (status: StreamStatus) => {
    if (status === shown) return;
    shown = status;
    options.onStatus?.(status);
  };

  // Nothing is passed on once this tab closed: its "stopped" is not the others' (one of them takes over).
  const post = (message: Message) => {
    if (!quit.signal.aborted) channel.postMessage(message);
  };
  channel.addEventListener('message', (message: MessageEvent<Message>) => {
    const data = message.data;
    if (data.type === 'hello') {
      if (leader) post({ type: 'status', status: leader.status });
    } else if (!leader && data.type === 'event') {
      if (data.event.id) lastEventId = data.event.id;
      options.onEvent(data.event);
    } else if (!leader && data.type === 'status') {
      show(data.status);
    }
  });

  show('connecting');
  post({ type: 'hello' });
  environment.locks
    .request(NAME, { signal: quit.signal }, () => {
      return new Promise<void>((release) => {
        const stream = createEventStream({
          ...options,
          lastEventId,
          onEvent: (event) => {
            post({ type: 'event', event });
            options.onEvent(event);
          },
          onStatus: (status) => {
            if (leader) leader.status = status;
            post({ type: 'status', status });
            show(status);
            if (status === 'stopped') release();
          },
        });
        leader = { stream, status: 'connecting' };
        quit.signal.addEventListener('abort', () => stream.close());
      });
    })
    .catch(() => undefined); // Aborted while waiting for the lock: this tab closed as a follower.

  return {
    close: () => {
      quit.abort();
      channel.close();
    },
  };
}
