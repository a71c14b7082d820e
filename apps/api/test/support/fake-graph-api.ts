import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake Graph API received. */
export interface GraphApiRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The Authorization header, when sent (undefined otherwise, so toEqual ignores it). */
  authorization?: string;
  body: Record<string, any>;
}

/** GET /{version}/{digits}: a phone number node. */
const PHONE_NUMBER_PATH = /^\/v[\d.]+\/(\d+)$/;
/** POST /{version}/{phone_number_id}/messages: a message sent from the number. */
const MESSAGES_PATH = /^\/v[\d.]+\/(\d+)\/messages$/;
/** GET /{version}/{waba_id}/message_templates: a WhatsApp Business Account's templates. */
const TEMPLATES_PATH = /^\/v[\d.]+\/(\d+)\/message_templates$/;

/**
 * A local stand-in for Meta's Graph API: records every request and fails on demand. Conversions API posts answer
 * events_received; `GET /{phone_number_id}` answers the number for a Bearer token granted it (grantPhoneNumbers), and
 * otherwise the errors Meta gives: 190 for a token it does not know, 100 for a token without access to the number.
 * `GET /{waba_id}/message_templates` answers the templates set for the WABA and its token (setTemplates), `limit`
 * a page with `paging.next` while more remain, with the same errors otherwise.
 */
export class FakeGraphApi {
  readonly requests: GraphApiRequest[] = [];
  private readonly failures: { status: number; body: unknown }[] = [];
  private readonly phoneNumbers = new Map<string, Set<string>>();
  private readonly templates = new Map<string, { token: string; templates: Record<string, unknown>[] }>();
  private hangUps = 0;
  /** Media served by GET /{media-id} (metadata) and GET /whatsapp_business/attachments/?mid= (bytes). */
  private readonly media = new Map<string, { mimeType: string; body: Buffer; fileSize?: number }>();
  /** When set, every request without a queued failure answers this. */
  alwaysFail: { status: number; body: unknown } | null = null;
  private server: Server | null = null;
  /** The versioned base URL to configure as graphApiBaseUrl, e.g. http://127.0.0.1:1234/v21.0 */
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => this.answer(req, res, raw));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v21.0`;
  }

  /** The next request answers this status and body (queued, one per call). */
  failNext(status: number, body: unknown): void {
    this.failures.push({ status, body });
  }

  /** The next request gets its connection closed without an answer (a network failure for the caller). */
  hangUpNext(): void {
    this.hangUps += 1;
  }

  /** `token` may read these phone numbers (as a token of their WhatsApp Business Account). */
  grantPhoneNumbers(token: string, ...phoneNumberIds: string[]): void {
    const granted = this.phoneNumbers.get(token) ?? new Set<string>();
    for (const id of phoneNumberIds) granted.add(id);
    this.phoneNumbers.set(token, granted);
  }

  /** The POST /{phone_number_id}/messages requests received (sends, failed ones included), oldest first. */
  messageSends(): GraphApiRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && MESSAGES_PATH.test(r.path));
  }

  /** The wamids answered to accepted sends, in order. */
  readonly sentIds: string[] = [];

  /** The wamid the next accepted send will get. */
  nextSentId(): string {
    return `wamid.FAKE${String(this.sentIds.length + 1).padStart(6, '0')}${process.pid}`;
  }

  /** The WABA's templates (Graph objects: name, language, status, category, components), readable with `token`. */
  setTemplates(wabaId: string, token: string, templates: Record<string, unknown>[]): void {
    this.templates.set(wabaId, { token, templates });
  }

  /** The GET /{waba_id}/message_templates requests received, oldest first. */
  templateReads(): GraphApiRequest[] {
    return this.requests.filter((r) => r.method === 'GET' && TEMPLATES_PATH.test(r.path));
  }

  /** The GET /{phone_number_id} requests received, oldest first. */
  phoneNumberReads(): GraphApiRequest[] {
    return this.requests.filter((r) => r.method === 'GET' && PHONE_NUMBER_PATH.test(r.path));
  }

  /**
   * Serves a media file as Meta does (Cloud API media reference): `GET /{media-id}` answers `{ messaging_product, url,
   * mime_type, sha256, file_size, id }`, and the url answers the bytes; both want the Bearer token. `fileSize` may
   * announce another size than the bytes'.
   */
  serveMedia(id: string, mimeType: string, body: Buffer, fileSize?: number): void {
    this.media.set(id, { mimeType, body, fileSize });
  }

  /** The media requests received (metadata and downloads), oldest first. */
  mediaReads(id: string): GraphApiRequest[] {
    return this.requests.filter((r) => r.path.endsWith(`/${id}`) || r.query.mid === id);
  }

  async stop(): Promise<void> {
    // The API's keep-alive connections to the fake would hold the test process open after it stops.
    const closed = new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server!.closeAllConnections();
    await closed;
  }

  private answer(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = JSON.parse(raw || '{}') as GraphApiRequest['body'];
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      body,
    });
    if (this.hangUps > 0) {
      this.hangUps -= 1;
      req.socket.destroy();
      return;
    }
    const failure = this.failures.shift() ?? this.alwaysFail;
    if (!failure && req.method === 'GET' && this.answerMedia(url, res)) return;
    const phoneNumberId = req.method === 'GET' ? PHONE_NUMBER_PATH.exec(url.pathname)?.[1] : undefined;
    const sending = req.method === 'POST' && MESSAGES_PATH.test(url.pathname);
    const wabaId = req.method === 'GET' ? TEMPLATES_PATH.exec(url.pathname)?.[1] : undefined;
    const [status, answer] = failure
      ? [failure.status, failure.body]
      : phoneNumberId
        ? this.phoneNumber(phoneNumberId, req.headers.authorization)
        : sending
          ? this.accept(body)
          : wabaId
            ? this.templatePage(wabaId, url, req.headers.authorization)
            : [200, { events_received: (body.data as unknown[]).length, messages: [], fbtrace_id: 'F' }];
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  }

  private answerMedia(url: URL, res: ServerResponse): boolean {
    const mid = url.searchParams.get('mid');
    if (url.pathname === '/whatsapp_business/attachments/' && mid && this.media.has(mid)) {
      const file = this.media.get(mid)!;
      res.writeHead(200, { 'content-type': file.mimeType, 'content-length': file.body.length });
      res.end(file.body);
      return true;
    }
    const id = /^\/v[\d.]+\/([^/]+)$/.exec(url.pathname)?.[1];
    const file = id ? this.media.get(id) : undefined;
    if (!id || !file) return false;
    const origin = new URL(this.base).origin;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        messaging_product: 'whatsapp',
        url: `${origin}/whatsapp_business/attachments/?mid=${id}&ext=1767268800&hash=ATtest`,
        mime_type: file.mimeType,
        sha256: createHash('sha256').update(file.body).digest('hex'),
        file_size: file.fileSize ?? file.body.length,
        id,
      }),
    );
    return true;
  }

  /** A send accepted as Meta answers it: the recipient's wa_id and the new message's wamid. */
  private accept(body: Record<string, any>): [number, unknown] {
    const id = this.nextSentId();
    this.sentIds.push(id);
    const to = String(body.to);
    return [200, { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id }] }];
  }

  private phoneNumber(id: string, authorization: string | undefined): [number, unknown] {
    const granted = this.phoneNumbers.get(bearer(authorization));
    if (!granted) return INVALID_TOKEN;
    if (!granted.has(id)) return missingObject(id);
    return [200, { id, display_phone_number: '+55 11 94000-1234', verified_name: 'Loja Teste' }];
  }

  /** One page of `limit` templates from offset `after` (Graph's cursors are opaque; offsets will do here). */
  private templatePage(wabaId: string, url: URL, authorization: string | undefined): [number, unknown] {
    const waba = this.templates.get(wabaId);
    const token = bearer(authorization);
    if (!waba || waba.token !== token) {
      return [...this.phoneNumbers.keys(), ...[...this.templates.values()].map((w) => w.token)].includes(token)
        ? missingObject(wabaId)
        : INVALID_TOKEN;
    }
    const limit = Number(url.searchParams.get('limit') ?? 25);
    const after = Number(url.searchParams.get('after') ?? 0);
    const data = waba.templates.slice(after, after + limit);
    const more = after + limit < waba.templates.length;
    const next = new URL(url.pathname, this.base);
    for (const [key, value] of url.searchParams) next.searchParams.set(key, value);
    next.searchParams.set('after', String(after + limit));
    return [200, { data, paging: { cursors: {}, ...(more ? { next: next.toString() } : {}) } }];
  }
}

function bearer(authorization: string | undefined): string {
  return authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : '';
}

const INVALID_TOKEN: [number, unknown] = [
  401,
  {
    error: {
      message: 'Invalid OAuth access token - Cannot parse access token',
      type: 'OAuthException',
      code: 190,
      fbtrace_id: 'F',
    },
  },
];

function missingObject(id: string): [number, unknown] {
  return [
    400,
    {
      error: {
        message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        type: 'GraphMethodException',
        code: 100,
        error_subcode: 33,
        fbtrace_id: 'F',
      },
    },
  ];
}
