// `npm run bench:webhooks` (in apps/api, after `npm run build`): WhatsApp Cloud API messages ingested end to end.
// Starts the built API on a fresh PostgreSQL database, then 16 connections POST signed webhook bodies (each a new
// message; one lead per 10 messages, so tickets are opened and reused) as fast as the API answers. The figure is
// messages per second from the first request until every stored event is processed (intake → lead, conversation,
// ticket, message, counters). Not a test: exits 0 whatever the figure, and says whether the target was met.
//
// Environment: DATABASE_URL (admin URL, default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_WEBHOOK_MESSAGES (6000), BENCH_CONNECTIONS (16).
import { createHmac, randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { cpuBetween, cpuSnapshot } from './lib/cpu.mjs';
import { api, freePort, startApi } from './lib/server.mjs';

const MESSAGES = Number(process.env.BENCH_WEBHOOK_MESSAGES ?? 6000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGET_PER_S = 500;
const SECRET = randomBytes(16).toString('hex');
const PHONE_NUMBER_ID = '109876543210987';

function cloudBody(n) {
  // Leads take turns (as real traffic interleaves conversations): message n is lead n mod (MESSAGES / 10).
  const lead = n % Math.max(1, Math.floor(MESSAGES / 10));
  const waId = `55119${String(10_000_000 + lead).padStart(8, '0')}`;
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'WABA',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '5511940001234', phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: `Lead ${lead}` }, wa_id: waId }],
              messages: [
                {
                  from: waId,
                  id: `wamid.bench.${n}`,
                  timestamp: '1767268800',
                  type: 'text',
                  text: { body: `Mensagem ${n}` },
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

async function main() {
  const name = `whatrack_bench_webhooks_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  let server;
  const db = new pg.Client({ connectionString: url.toString() });
  try {
    server = await startApi({
      databaseUrl: url.toString(),
      port: await freePort(),
      env: {
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(36).toString('base64'),
        ENCRYPTION_KEY: randomBytes(36).toString('base64'),
        LOG_LEVEL: 'warn',
        // One client sends everything: per-client limits would only measure the 429 path.
        RATE_LIMITS_ENABLED: 'false',
        WHATSAPP_APP_SECRET: SECRET,
        DATABASE_POOL_SIZE: '24',
        WEBHOOK_WORKER_CONCURRENCY: process.env.WEBHOOK_WORKER_CONCURRENCY ?? '4',
      },
    });
    const session = await api(server.baseUrl, 'POST', '/auth/register', {
      body: {
        organizationName: 'Bench Webhooks',
        name: 'Bench',
        email: `bench.${Date.now()}@example.com`,
        password: 'bench-password-1',
      },
    });
    await api(server.baseUrl, 'POST', '/whatsapp-instances', {
      token: session.accessToken,
      body: {
        name: 'Cloud',
        phoneNumber: '+55 11 94000-1234',
        provider: 'cloud_api',
        providerPhoneNumberId: PHONE_NUMBER_ID,
      },
    });
    await db.connect();

    // The API's PostgreSQL backends (the pool opens more under load: those count from zero).
    const backends = async () =>
      (
        await db.query(
          'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        )
      ).rows.map((r) => r.pid);
    const cpuBefore = cpuSnapshot(server.pid, await backends());
    let next = 0;
    const started = Date.now();
    const result = await autocannon({
      url: `${server.baseUrl}/api/v1/webhooks/whatsapp/cloud`,
      connections: CONNECTIONS,
      amount: MESSAGES,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const body = cloudBody(next++);
            const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
            return { ...req, body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } };
          },
        },
      ],
    });
    const intakeDone = Date.now();
    const doneCount = async () =>
      (
        await db.query(
          `SELECT count(*) FILTER (WHERE status IN ('processed','failed','unroutable','ignored'))::int AS done FROM webhook_events`,
        )
      ).rows[0].done;
    const processedAtIntakeEnd = await doneCount();
    let processed = 0;
    for (;;) {
      processed = await doneCount();
      if (processed >= MESSAGES || Date.now() - intakeDone > 300_000) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const finished = Date.now();
    const cpu = cpuBetween(cpuBefore, cpuSnapshot(server.pid, await backends()));
    const {
      rows: [check],
    } = await db.query(
      `SELECT (SELECT count(*)::int FROM whatsapp_messages) AS messages, (SELECT count(*)::int FROM tickets) AS tickets,
              (SELECT count(*)::int FROM webhook_events WHERE status = 'processed') AS ok,
              (SELECT COALESCE(sum(messages_count), 0)::int FROM tickets) AS counted,
              (SELECT count(*)::int FROM webhook_events WHERE attempts > 1) AS retried`,
    );
    const seconds = (finished - started) / 1000;
    const perSecond = check.messages / seconds;
    console.log(
      `webhook intake: ${result.requests.total} requests, ${result.non2xx} non-2xx, p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, ${result.requests.average.toFixed(0)} req/s`,
    );
    console.log(
      `intake took ${((intakeDone - started) / 1000).toFixed(1)} s (${processedAtIntakeEnd} events processed by then); all processed after ${seconds.toFixed(1)} s`,
    );
    console.log(
      `stored: ${check.messages} messages, ${check.tickets} tickets, ${check.ok} processed events; sum(messages_count) = ${check.counted}`,
    );
    console.log(
      `retried events: ${check.retried}; CPU: API ${cpu.apiCpuSeconds.toFixed(1)} s, PostgreSQL ${cpu.pgCpuSeconds.toFixed(1)} s (${((1000 * (cpu.apiCpuSeconds + cpu.pgCpuSeconds)) / Math.max(1, check.messages)).toFixed(2)} ms per message); other processes on the machine used ${cpu.otherCores.toFixed(2)} cores meanwhile`,
    );
    console.log(`peak RSS of the API: ${(server.memory().peakRssKb / 1024).toFixed(0)} MB`);
    console.log(
      `messages ingested end to end: ${perSecond.toFixed(0)}/s (target ≥ ${TARGET_PER_S}/s) ${perSecond >= TARGET_PER_S ? 'PASS' : 'MISS'}`,
    );
  } finally {
    await db.end().catch(() => undefined);
    await server?.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
