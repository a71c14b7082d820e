import { type ClientRequest, type IncomingHttpHeaders, request } from 'node:http';

export interface SseEvent {
  id: string | null;
  event: string;
  data: any;
}

/**
 * A text/event-stream read over a real HTTP connection: frames are parsed as they arrive and kept, so a test can
 * wait for one matching a predicate, or look at everything that came.
 */
export class SseStream {
  readonly events: SseEvent[] = [];
  comments = 0;
  retry: number | null = null;
  /** The response body when the server did not answer 200 (an error JSON). */
  body = '';
  /** Resolves when the server ends the stream (or the connection drops). */
  readonly ended: Promise<void>;
  private endedFlag = false;
  private buffer = '';
  private readonly waiters = new Set<() => void>();
  private markEnded!: () => void;

  private constructor(
    private readonly req: ClientRequest,
    readonly status: number,
    readonly headers: IncomingHttpHeaders,
  ) {
    this.ended = new Promise((resolve) => (this.markEnded = resolve));
  }

  /** Opens `url` (GET) and resolves once the response headers are in. */
  static open(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
    return new Promise((resolve, reject) => {
      const req = request(url, { headers: { accept: 'text/event-stream', ...headers } });
      req.on('error', reject);
      req.on('response', (res) => {
        const stream = new SseStream(req, res.statusCode ?? 0, res.headers);
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => stream.feed(chunk));
        const end = () => stream.finish();
        res.on('end', end);
        res.on('close', end);
        res.on('error', end);
        req.removeListener('error', reject);
        req.on('error', end);
        resolve(stream);
      });
      req.end();
    });
  }

  get isEnded(): boolean {
    return this.endedFlag;
  }

  /** The first event (received so far or later) matching `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (e: SseEvent) => boolean, timeoutMs = 10_000, what = 'an event'): Promise<SseEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.events.find(predicate);
        if (found) {
          cleanup();
          resolve(found);
        } else if (this.endedFlag) {
          cleanup();
          reject(new Error(`The stream ended before ${what}; got ${JSON.stringify(this.events)}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`No ${what} within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Waits for the `event` name whose data matches every given field. */
  waitForEvent(event: string, fields: Record<string, unknown> = {}, timeoutMs?: number): Promise<SseEvent> {
    return this.waitFor(
      (e) => e.event === event && Object.entries(fields).every(([k, v]) => e.data?.[k] === v),
      timeoutMs,
      `${event} ${JSON.stringify(fields)}`,
    );
  }

  /** Drops the connection from the client side. */
  close(): void {
    this.req.destroy();
    this.finish();
  }

  private feed(chunk: string): void {
    if (this.status !== 200) {
      this.body += chunk;
      return;
    }
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.parse(frame);
    }
    for (const waiter of [...this.waiters]) waiter();
  }

  private parse(frame: string): void {
    let id: string | null = null;
    let event = 'message';
    const data: string[] = [];
    let fields = 0;
    for (const line of frame.split('\n')) {
      if (line.startsWith(':')) {
        this.comments++;
        continue;
      }
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      fields++;
      if (name === 'id') id = value;
      else if (name === 'event') event = value;
      else if (name === 'data') data.push(value);
      else if (name === 'retry') this.retry = Number(value);
    }
    if (fields === 0 || data.length === 0) return;
    const text = data.join('\n');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
    this.events.push({ id, event, data: parsed });
  }

  private finish(): void {
    if (this.endedFlag) return;
    this.endedFlag = true;
    this.markEnded();
    for (const waiter of [...this.waiters]) waiter();
  }
}
