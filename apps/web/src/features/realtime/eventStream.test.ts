import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../lib/api';
import { createSessionStore } from '../../lib/session-store';
import { apiError } from '../../test/fakeApi';
import { sseResponse } from '../../test/fakeEventStream';
import { createEventStream, type StreamStatus } from './eventStream';
import { openEventStream } from './openEventStream';
import type { RealtimeEvent } from './realtimeEvents';

type Answer = (request: Request) => Response | Promise<Response>;

function setup(answers: Answer[]) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (request: Request) => {
    requests.push(request);
    const answer = answers.shift();
    if (!answer) return new Promise<Response>(() => undefined); // Never answers: the test is over.
    return answer(request);
  });
  const sessionStore = createSessionStore(null);
  sessionStore.setToken('jwt-1');
  const api = createApi({ sessionStore, baseUrl: 'http://localhost:3000', fetch });
  const events: RealtimeEvent[] = [];
  const statuses: StreamStatus[] = [];
  const stream = createEventStream({
    connect: (lastEventId, signal) => openEventStream(api.client, lastEventId, signal),
    onEvent: (event) => events.push(event),
    onStatus: (status) => statuses.push(status),
    random: () => 0,
  });
  return { requests, events, statuses, stream, sessionStore };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

afterEach(() => {
  vi.useRealTimers();
});

describe('createEventStream', () => {
  it('reads events with the session token in the header, and resumes after a drop with Last-Event-ID', async () => {
    vi.useFakeTimers();
    let first!: ReturnType<typeof sseResponse>;
    let second!: ReturnType<typeof sseResponse>;
    const { requests, events, statuses, stream } = setup([
      (request) => (first = sseResponse(request)).response,
      (request) => (second = sseResponse(request)).response,
    ]);
    await flush();
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.url).toBe('http://localhost:3000/api/v1/events');
    expect(request?.headers.get('authorization')).toBe('Bearer jwt-1');
    expect(request?.headers.get('last-event-id')).toBeNull();

    first.write('event: ready\ndata: {"resumed":false}\n\nid: 41\nevent: ticket.upd');
    first.write(
      'ated\ndata: {"ticketId":"t1"}\n\nid: 42\nevent: sale.deleted\ndata: {"ticketId":"t1","saleId":"s1"}\n\n',
    );
    await flush();
    expect(events.map((e) => [e.name, e.id])).toEqual([
      ['ready', ''],
      ['ticket.updated', '41'],
      ['sale.deleted', '42'],
    ]);
    expect(statuses).toEqual(['connecting', 'open']);

    first.end();
    await flush();
    expect(statuses.at(-1)).toBe('connecting');
    await vi.advanceTimersByTimeAsync(999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    expect(requests[1]?.headers.get('last-event-id')).toBe('42');
    second.write('event: ready\ndata: {"resumed":true}\n\n');
    await flush();
    expect(statuses.at(-1)).toBe('open');
    stream.close();
  });

  it('backs off 1 s, 2 s, 4 s … up to 15 s on failures, honours retry: as a floor, and resets after ready', async () => {
    vi.useFakeTimers();
    let live!: ReturnType<typeof sseResponse>;
    const down = () => apiError(503, 'Service Unavailable', 'down');
    const offline = () => Promise.reject(new TypeError('Failed to fetch'));
    const { requests, stream } = setup([
      down,
      offline,
      down,
      down,
      down,
      down,
      (request) => (live = sseResponse(request)).response,
      down,
    ]);
    const times: number[] = [];
    const start = Date.now();
    await flush();
    for (let i = 0; i < 7; i += 1) {
      while (requests.length < i + 1) await vi.advanceTimersByTimeAsync(100);
      times.push(Date.now() - start);
    }
    expect(times).toEqual([0, 1000, 3000, 7000, 15000, 30000, 45000]);

    live.write('retry: 3000\n\nevent: ready\ndata: {"resumed":true}\n\n');
    await flush();
    live.end();
    await flush();
    await vi.advanceTimersByTimeAsync(2999);
    expect(requests).toHaveLength(7);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(8);
    stream.close();
  });

  it('on 401 goes through the session-expired path and does not reconnect', async () => {
    vi.useFakeTimers();
    const { requests, statuses, sessionStore } = setup([() => apiError(401, 'Unauthorized', 'expired')]);
    await flush();
    expect(sessionStore.getToken()).toBeNull();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(1);
    expect(statuses).toEqual(['connecting', 'stopped']);
  });

  it('stops quietly when the API has no stream (404)', async () => {
    vi.useFakeTimers();
    const { requests, statuses } = setup([() => apiError(404, 'Not Found', 'no route')]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(1);
    expect(statuses).toEqual(['connecting', 'stopped']);
  });

  it('reconnects when the connection goes silent for 45 s (no ping)', async () => {
    vi.useFakeTimers();
    let first!: ReturnType<typeof sseResponse>;
    const { requests, stream } = setup([(request) => (first = sseResponse(request)).response]);
    await flush();
    first.write('id: 7\nevent: resync\ndata: {}\n\n');
    await vi.advanceTimersByTimeAsync(44_999);
    expect(requests[0]?.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests[0]?.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(requests).toHaveLength(2);
    expect(requests[1]?.headers.get('last-event-id')).toBe('7');
    stream.close();
  });

  it('decodes UTF-8 characters split across chunks', async () => {
    vi.useFakeTimers();
    let first!: ReturnType<typeof sseResponse>;
    const { events, stream } = setup([(request) => (first = sseResponse(request)).response]);
    await flush();
    const bytes = new TextEncoder().encode(
      'id: 1\nevent: ticket.updated\ndata: {"ticketId":"t1","lastMessagePreview":"Olá ✓"}\n\n',
    );
    const cut = bytes.indexOf(0xc3) + 1; // Inside "á".
    first.writeBytes(bytes.slice(0, cut));
    first.writeBytes(bytes.slice(cut));
    await flush();
    expect(events[0]?.data).toMatchObject({ lastMessagePreview: 'Olá ✓' });
    stream.close();
  });

  it('closes the connection on close() and never reconnects', async () => {
    vi.useFakeTimers();
    const { requests, statuses, stream } = setup([(request) => sseResponse(request).response]);
    await flush();
    stream.close();
    await flush();
    expect(requests[0]?.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(1);
    expect(statuses.at(-1)).toBe('stopped');
  });
});
