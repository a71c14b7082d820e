import { afterEach, describe, expect, it, vi } from 'vitest';
import { sseResponse, type FakeEventStream } from '../../test/fakeEventStream';
import type { StreamStatus } from './eventStream';
import type { RealtimeEvent } from './realtimeEvents';
import { createSharedEventStream, type SharedStreamEnvironment } from './sharedEventStream';

/** Web Locks and BroadcastChannel between fake tabs of one browser. */
function fakeBrowser() {
  const queue: { grant: () => void; signal?: AbortSignal }[] = [];
  let held = false;
  const next = () => {
    const waiting = queue.shift();
    if (waiting) waiting.grant();
  };
  const locks: SharedStreamEnvironment['locks'] = {
    request: ((_name: string, options: LockOptions, callback: () => Promise<void>) =>
      new Promise<void>((resolve, reject) => {
        const grant = () => {
          held = true;
          void callback().finally(() => {
            held = false;
            resolve();
            next();
          });
        };
        options.signal?.addEventListener('abort', () => {
          const index = queue.findIndex((entry) => entry.grant === grant);
          if (index >= 0) {
            queue.splice(index, 1);
            reject(new DOMException('Aborted', 'AbortError'));
          }
        });
        if (held) queue.push({ grant, signal: options.signal ?? undefined });
        else grant();
      })) as SharedStreamEnvironment['locks']['request'],
  };
  const channels = new Set<{ listener: (event: MessageEvent) => void; closed: boolean }>();
  const channel: SharedStreamEnvironment['channel'] = () => {
    const self = { listener: (_event: MessageEvent) => undefined as void, closed: false };
    channels.add(self);
    return {
      addEventListener: ((_type: string, listener: (event: MessageEvent) => void) => {
        self.listener = listener;
      }) as BroadcastChannel['addEventListener'],
      postMessage: (data: unknown) => {
        if (self.closed) throw new DOMException('closed', 'InvalidStateError');
        for (const other of channels) {
          if (other !== self && !other.closed)
            queueMicrotask(() => other.listener(new MessageEvent('message', { data })));
        }
      },
      close: () => {
        self.closed = true;
        channels.delete(self);
      },
    };
  };
  return { locks, channel };
}

function tab(browser: ReturnType<typeof fakeBrowser>, streams: FakeEventStream[], requests: Request[]) {
  const events: RealtimeEvent[] = [];
  const statuses: StreamStatus[] = [];
  const stream = createSharedEventStream(
    {
      connect: (lastEventId, signal) => {
        const request = new Request('http://localhost/api/v1/events', {
          headers: lastEventId ? { 'Last-Event-ID': lastEventId } : {},
          signal,
        });
        requests.push(request);
        const fake = sseResponse(request);
        streams.push(fake);
        return Promise.resolve(fake.response);
      },
      onEvent: (event) => events.push(event),
      onStatus: (status) => statuses.push(status),
      random: () => 0,
    },
    browser,
  );
  return { events, statuses, stream };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

afterEach(() => {
  vi.useRealTimers();
});

describe('createSharedEventStream', () => {
  it('keeps one connection for all tabs, passes events on, and hands over with the last event id', async () => {
    vi.useFakeTimers();
    const browser = fakeBrowser();
    const streams: FakeEventStream[] = [];
    const requests: Request[] = [];
    const first = tab(browser, streams, requests);
    await flush();
    const second = tab(browser, streams, requests);
    await flush();
    expect(requests).toHaveLength(1);
    expect(second.statuses).toEqual(['connecting', 'open']); // Told by the first tab.

    streams[0]?.send('ready', { resumed: false });
    streams[0]?.send('ticket.updated', { ticketId: 't1' }, '41');
    await flush();
    expect(first.events.map((e) => e.name)).toEqual(['ready', 'ticket.updated']);
    expect(second.events.map((e) => e.name)).toEqual(['ready', 'ticket.updated']);

    first.stream.close();
    await flush();
    expect(requests).toHaveLength(2);
    expect(requests[1]?.headers.get('last-event-id')).toBe('41');
    expect(second.statuses.at(-1)).toBe('open');
    expect(second.statuses).not.toContain('stopped'); // One tab closing is not the stream stopping.
    second.stream.close();
    await flush();
    expect(requests[1]?.signal.aborted).toBe(true);
  });

  it('falls back to a stream per tab without Web Locks', async () => {
    vi.useFakeTimers();
    const streams: FakeEventStream[] = [];
    const requests: Request[] = [];
    const events: RealtimeEvent[] = [];
    const stream = createSharedEventStream(
      {
        connect: (_id, signal) => {
          const request = new Request('http://localhost/api/v1/events', { signal });
          requests.push(request);
          const fake = sseResponse(request);
          streams.push(fake);
          return Promise.resolve(fake.response);
        },
        onEvent: (event) => events.push(event),
      },
      null,
    );
    await flush();
    streams[0]?.send('resync', {});
    await flush();
    expect(events.map((e) => e.name)).toEqual(['resync']);
    stream.close();
  });
});
