import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EvolutionRequest {
  method: string;
  path: string;
  apikey: string | undefined;
  body: Record<string, any>;
}

/**
 * A local stand-in for an Evolution API (v2) server: `POST /message/sendText/{instance}` with the `apikey` header
 * answers 201 with the sent message's key, as Evolution does; records every request and fails on demand.
 */
export class FakeEvolutionApi {
  readonly requests: EvolutionRequest[] = [];
  readonly sentIds: string[] = [];
  private readonly failures: { status: number; body: unknown }[] = [];
  private server: Server | null = null;
  base = '';

  constructor(private readonly apiKey: string) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        const path = new URL(req.url ?? '/', 'http://fake').pathname;
        const body = JSON.parse(raw || '{}') as Record<string, any>;
        this.requests.push({ method: req.method ?? '', path, apikey: req.headers.apikey as string | undefined, body });
        const [status, answer] = this.answer(path, req.headers.apikey, body);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    // The API's keep-alive connections to the fake would hold the test process open after it stops.
    const closed = new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server!.closeAllConnections();
    await closed;
  }

  failNext(status: number, body: unknown): void {
    this.failures.push({ status, body });
  }

  /** The key id the next accepted send will get. */
  nextSentId(): string {
    return `BAE5FAKE${String(this.sentIds.length + 1).padStart(6, '0')}${process.pid}`;
  }

  /** Files answered by POST /chat/getBase64FromMediaMessage/{instance}, by message key id. */
  readonly media = new Map<string, { mimetype: string; body: Buffer; fileName?: string }>();

  /** The getBase64FromMediaMessage requests received, oldest first. */
  mediaRequests(): EvolutionRequest[] {
    return this.requests.filter((r) => r.path.startsWith('/chat/getBase64FromMediaMessage/'));
  }

  sends(): EvolutionRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/message/sendText/'));
  }

  private answer(path: string, apikey: unknown, body: Record<string, any>): [number, unknown] {
    const failure = this.failures.shift();
    if (failure) return [failure.status, failure.body];
    if (apikey !== this.apiKey)
      return [401, { status: 401, error: 'Unauthorized', response: { message: 'Unauthorized' } }];
    if (path.startsWith('/chat/getBase64FromMediaMessage/')) return this.mediaOf(body);
    if (!path.startsWith('/message/sendText/'))
      return [404, { status: 404, error: 'Not Found', response: { message: ['Not found'] } }];
    const id = this.nextSentId();
    this.sentIds.push(id);
    return [
      201,
      {
        key: { remoteJid: `${String(body.number)}@s.whatsapp.net`, fromMe: true, id },
        pushName: '',
        status: 'PENDING',
        message: { conversation: body.text },
        messageType: 'conversation',
        messageTimestamp: Math.floor(Date.now() / 1000),
        instanceId: 'b1d6c2a0-evolution-internal',
        source: 'unknown',
      },
    ];
  }

  /**
   * Evolution's answer (chat.controller getBase64FromMediaMessage, Baileys service): the message is found by
   * `message.key.id` and answered as `{ mediaType, fileName, caption, size, mimetype, base64 }` with 201.
   */
  private mediaOf(body: Record<string, any>): [number, unknown] {
    const file = this.media.get(String(body.message?.key?.id));
    if (!file) return [400, { status: 400, error: 'Bad Request', response: { message: ['Message not found'] } }];
    return [
      201,
      {
        mediaType: file.mimetype.startsWith('image/') ? 'imageMessage' : 'documentMessage',
        fileName: file.fileName,
        caption: null,
        size: { fileLength: String(file.body.length) },
        mimetype: file.mimetype,
        base64: file.body.toString('base64'),
      },
    ];
  }
}
