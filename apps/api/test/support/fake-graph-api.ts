import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake Graph API received. */
export interface GraphApiRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: { data: Record<string, any>[] };
}

/** A local stand-in for Meta's Graph API: records every request and fails on demand. */
export class FakeGraphApi {
  readonly requests: GraphApiRequest[] = [];
  private readonly failures: { status: number; body: unknown }[] = [];
  /** When set, every request without a queued failure answers this. */
  alwaysFail: { status: number; body: unknown } | null = null;
  private server: Server | null = null;
  /** The versioned base URL to configure as graphApiBaseUrl, e.g. http://127.0.0.1:1234/v21.0 */
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://fake');
        const body = JSON.parse(raw || '{}') as GraphApiRequest['body'];
        this.requests.push({
          method: req.method ?? '',
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          body,
        });
        const failure = this.failures.shift() ?? this.alwaysFail;
        res.writeHead(failure?.status ?? 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(failure?.body ?? { events_received: body.data.length, messages: [], fbtrace_id: 'F' }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v21.0`;
  }

  /** The next request answers this status and body (queued, one per call). */
  failNext(status: number, body: unknown): void {
    this.failures.push({ status, body });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
