import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { metaSignature } from '../../src/modules/whatsapp/signature';
import { FakeGraphApi } from '../support/fake-graph-api';
import { apiDist } from '../support/node-process';
import { createTestDatabase, type TestDatabase } from '../setup/test-database';
import { CLOUD_PHONE_NUMBER_ID, cloudText } from '../support/whatsapp-payloads';

const APP_SECRET = 'restart-app-secret';
const TOKEN = 'EAAG-restart-token';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The built API as a real process (so it can be killed), on the test's private database. */
async function startApi(db: TestDatabase, graphBase: string, port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: String(port),
    JWT_SECRET: 'restart-secret-that-is-long-enough-for-hs256',
    ENCRYPTION_KEY: 'restart-encryption-key-0123456789abcdef',
    META_GRAPH_API_BASE_URL: graphBase,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'v',
    REPLIES_RETRY_BASE_MS: '50',
    // A kill can land while the first process holds the reply's lease: the second takes it over when it runs out.
    REPLIES_LEASE_SECONDS: '3',
    REPLIES_WORKER_INTERVAL_MS: '100',
    WEBHOOK_WORKER_INTERVAL_MS: '100',
    RATE_LIMIT_PER_MINUTE: '1000000',
  };
  delete env.DATABASE_URL;
  if (db.databaseUrl) env.DATABASE_URL = db.databaseUrl;
  else env.PGLITE_DATA_DIR = db.pgliteDataDir!;
  const child = spawn(process.execPath, [join(apiDist(), 'main.js')], { env, stdio: 'ignore' });
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

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A reply written while the provider is down survives a SIGKILL of the API and is sent exactly once after restart. */
describe('Replies across an API restart', () => {
  const graph = new FakeGraphApi();
  let db: TestDatabase;
  let child: ChildProcess | null = null;

  beforeAll(async () => {
    await graph.start();
    db = await createTestDatabase();
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await graph.stop();
    await db.drop();
  });

  it('keeps a pending reply through kill -9 and sends it once when the API and the provider are back', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}/api/v1`;
    const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json().catch(() => null)) as any };
    };
    child = await startApi(db, graph.base, port);

    const signup = await call('POST', '/auth/register', {
      organizationName: 'Loja Reinício',
      name: 'Dona',
      email: 'dona@reinicio.test',
      password: 'senha-segura-123',
    });
    expect(signup.status).toBe(201);
    const auth = { authorization: `Bearer ${signup.body.accessToken}` };
    graph.grantPhoneNumbers(TOKEN, CLOUD_PHONE_NUMBER_ID);
    const instance = await call(
      'POST',
      '/whatsapp-instances',
      {
        name: 'Cloud',
        phoneNumber: '+55 11 94000-1234',
        provider: 'cloud_api',
        providerPhoneNumberId: CLOUD_PHONE_NUMBER_ID,
      },
      auth,
    );
    expect((await call('PATCH', `/whatsapp-instances/${instance.body.id}`, { accessToken: TOKEN }, auth)).status).toBe(
      200,
    );

    const raw = JSON.stringify(
      cloudText({ id: 'wamid.RESTART1', text: 'Oi', timestamp: Math.floor(Date.now() / 1000) }),
    );
    const webhook = await fetch(`${base}/webhooks/whatsapp/cloud`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(raw, APP_SECRET) },
      body: raw,
    });
    expect(webhook.status).toBe(200);
    const ticket = await until(
      'the ticket',
      async () => (await call('GET', '/tickets', undefined, auth)).body.items[0],
    );

    graph.alwaysFail = { status: 503, body: { error: { message: 'Service unavailable', code: 2 } } };
    const reply = await call('POST', `/tickets/${ticket.id}/messages`, { text: 'Já te respondo' }, auth);
    expect(reply.status).toBe(202);
    await until('a failed attempt', () => Promise.resolve(graph.messageSends().length >= 2 ? true : undefined));

    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    graph.alwaysFail = null;
    const accepted = graph.sentIds.length;

    child = await startApi(db, graph.base, port);
    const detail = await call('GET', `/tickets/${ticket.id}`, undefined, auth);
    const messages = async () =>
      (await call('GET', `/conversations/${detail.body.conversation.id}/messages`, undefined, auth)).body
        .items as any[];
    const sent = await until('the reply sent', async () =>
      (await messages()).find((m) => m.id === reply.body.id && m.status === 'sent'),
    );
    expect(sent.body).toBe('Já te respondo');
    await new Promise((r) => setTimeout(r, 500));
    expect(graph.sentIds.length - accepted).toBe(1);
    expect((await messages()).filter((m) => m.direction === 'out')).toHaveLength(1);
  }, 90_000);
});
