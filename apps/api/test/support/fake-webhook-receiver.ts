import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got: its path, headers and the raw body as sent (what a signature covers). */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: { id: string; type: string; createdAt: string; organizationId: string; data: Record<string, unknown> };
}

/**
 * A third party's endpoint on loopback: records every request and answers 200, or the statuses queued per path
 * (failNext), or always `alwaysFail[path]`.
 */
export class FakeWebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  readonly alwaysFail = new Map<string, number>();
  private readonly queued = new Map<string, number[]>();
  private server: Server | null = null;
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '/';
        this.received.push({ path, headers: req.headers, raw, body: JSON.parse(raw) as ReceivedWebhook['body'] });
        const status = this.queued.get(path)?.shift() ?? this.alwaysFail.get(path) ?? 200;
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : `receiver says ${status}`);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  failNext(path: string, status: number): void {
    this.queued.set(path, [...(this.queued.get(path) ?? []), status]);
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
