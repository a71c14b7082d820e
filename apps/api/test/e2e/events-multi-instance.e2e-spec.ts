import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { metaSignature } from '../../src/modules/whatsapp/signature';
import { uniquePhone } from '../support/fixtures';
import { apiDist } from '../support/node-process';
import { SseStream } from '../support/sse-client';
import { CLOUD_PHONE_NUMBER_ID, cloudText } from '../support/whatsapp-payloads';
import { createTestDatabase, type TestDatabase } from '../setup/test-database';

const APP_SECRET = 'multi-instance-app-secret';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The built API as a real process on the test's database, with the read cache on (its default TTL). */
async function startApi(db: TestDatabase, port: number, env: Record<string, string>): Promise<ChildProcess> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: String(port),
    JWT_SECRET: 'multi-instance-secret-that-is-long-enough-for-hs256',
    ENCRYPTION_KEY: 'multi-instance-encryption-key-0123456789',
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'v',
    WEBHOOK_WORKER_INTERVAL_MS: '100',
    RATE_LIMIT_PER_MINUTE: '1000000',
    READ_CACHE_TTL_MS: '60000',
    ...env,
  };
  delete childEnv.DATABASE_URL;
  if (db.databaseUrl) childEnv.DATABASE_URL = db.databaseUrl;
  else childEnv.PGLITE_DATA_DIR = db.pgliteDataDir!;
  const child = spawn(process.execPath, [join(apiDist(), 'main.js')], { env: childEnv, stdio: 'ignore' });
  for (let i = 0; i < 300; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('The API did not start');
}

type Call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<any>;

function caller(port: number): Call {
  return async (method, path, body, headers = {}) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => null)) as unknown;
    if (res.status >= 400) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };
}

/**
 * Two API processes on one database: what one writes reaches the other's streams and cached reads. PostgreSQL runs
 * two processes; the embedded PGlite belongs to one process (its directory is locked), so there "both instances"
 * are the same process and the test checks the same flows through it.
 */
describe('Realtime events across API instances', () => {
  const children: ChildProcess[] = [];
  let db: TestDatabase;
  let portA: number;
  let portB: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    portA = await freePort();
    children.push(await startApi(db, portA, { WEBHOOK_WORKER_ENABLED: 'true' }));
    if (db.databaseUrl) {
      portB = await freePort();
      children.push(await startApi(db, portB, { WEBHOOK_WORKER_ENABLED: 'false' }));
    } else {
      portB = portA;
    }
  }, 90_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await db.drop();
  });

  it('streams on B what is written through A, and B lists the new totals at once', async () => {
    const a = caller(portA);
    const b = caller(portB);
    const signup = await a('POST', '/auth/register', {
      organizationName: 'Loja Duas Instâncias',
      name: 'Dona',
      email: 'dona@duas.test',
      password: 'senha-segura-123',
    });
    const owner = { authorization: `Bearer ${signup.accessToken}` };
    await a(
      'POST',
      '/users',
      { name: 'Agente', email: 'agente@duas.test', password: 'senha-agente-1', role: 'agent' },
      owner,
    );
    const login = await a('POST', '/auth/login', { email: 'agente@duas.test', password: 'senha-agente-1' });
    const agent = { authorization: `Bearer ${login.accessToken}` };
    await a(
      'POST',
      '/whatsapp-instances',
      {
        name: 'Cloud',
        phoneNumber: '+55 11 94000-1234',
        provider: 'cloud_api',
        providerPhoneNumberId: CLOUD_PHONE_NUMBER_ID,
      },
      owner,
    );

    const stream = await SseStream.open(`http://127.0.0.1:${portB}/api/v1/events`, owner);
    try {
      await stream.waitForEvent('ready');

      // A ticket created through A.
      const ticket = await a('POST', '/tickets', { lead: { phone: uniquePhone() } }, owner);
      await stream.waitForEvent('ticket.created', { ticketId: ticket.id });

      // A webhook taken and processed by A's worker (B's is off).
      const raw = JSON.stringify(cloudText({ id: 'wamid.MULTI1', text: 'Olá!', timestamp: 1767268800 }));
      const webhook = await fetch(`http://127.0.0.1:${portA}/api/v1/webhooks/whatsapp/cloud`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(raw, APP_SECRET) },
        body: raw,
      });
      expect(webhook.status).toBe(200);
      const message = await stream.waitForEvent('message.created', { direction: 'in' }, 20_000);
      await stream.waitForEvent('ticket.updated', { ticketId: message.data.ticketId, lastMessagePreview: 'Olá!' });

      // A stage change by another user, through A.
      const stages = (await b('GET', '/stages', undefined, owner)).items as { id: string }[];
      await a('PATCH', `/tickets/${ticket.id}`, { stageId: stages[1]!.id }, agent);
      await stream.waitForEvent('ticket.updated', { ticketId: ticket.id, stageId: stages[1]!.id });
    } finally {
      stream.close();
    }

    // B's listing is cached (primed twice), then A writes: B's very next listing has the new total and stage.
    const listing = () => b('GET', '/tickets', undefined, owner);
    await listing();
    const before = await listing();
    await a('POST', '/tickets', { lead: { phone: uniquePhone() } }, owner);
    expect((await listing()).total).toBe(before.total + 1);
    // A write no trigger announces (a new stage) reaches B's cache through A's cache notice.
    await a('POST', '/stages', { name: 'Negociação', color: '#8b5cf6' }, owner);
    expect(((await listing()).stages as { name: string }[]).map((s) => s.name)).toContain('Negociação');
  }, 90_000);
});
