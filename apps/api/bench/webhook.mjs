// `npm run bench:webhooks` (in apps/api, after `npm run build`): WhatsApp Cloud API messages ingested end to end.
// Starts the built API on a fresh PostgreSQL database, then 16 connections POST signed webhook bodies (each a new
// message; one lead per 10 messages, so tickets are opened and reused) as fast as the API answers. The figure is
// messages per second from the first request until every stored event is processed (intake → lead, conversation,
// ticket, message, counters). Not a test: exits 0 whatever the figure, and says whether the target was met.
//
// Then the replies case: agents' replies POSTed to /tickets/:id/messages, delivered by the outbox worker to a fake
// Graph API on loopback, whose status webhooks (sent, delivered, read) flow back through intake.
//
// Environment: DATABASE_URL (admin URL, default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_WEBHOOK_MESSAGES (6000), BENCH_REPLIES (3000, 0 to skip), BENCH_REPLY_RATE (220 replies/s for the steady
// run; the capacity run that follows sends as fast as the API answers), BENCH_STATUS_BATCH (1 status per webhook, the
// worst case; Meta's statuses[] may carry several), BENCH_WORKERS_APART=1 (the webhook and replies workers run in a
// second API process on the same database, the first only answers HTTP), BENCH_CONNECTIONS (16).
import { createHmac, randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { cpuBetween, cpuSnapshot } from './lib/cpu.mjs';
import { cloudMessageBody } from './lib/cloud-webhook.mjs';
import { startFakeGraph } from './lib/fake-graph.mjs';
import { benchReplies } from './lib/replies.mjs';
import { api, freePort, startApi } from './lib/server.mjs';

const MESSAGES = Number(process.env.BENCH_WEBHOOK_MESSAGES ?? 6000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGET_PER_S = 500;
const REPLIES = Number(process.env.BENCH_REPLIES ?? 3000);
const REPLIES_TARGET_PER_S = 200;
const REPLY_RATE = Number(process.env.BENCH_REPLY_RATE ?? 220);
const STATUS_BATCH = Number(process.env.BENCH_STATUS_BATCH ?? 1);
const WORKERS_APART = process.env.BENCH_WORKERS_APART === '1';
const REPLY_POST_P95_MS = 50;
const GRAPH_TOKEN = `bench-${randomBytes(8).toString('hex')}`;
const SECRET = randomBytes(16).toString('hex');
const PHONE_NUMBER_ID = '109876543210987';

const cloudBody = (n) => cloudMessageBody(n, MESSAGES, PHONE_NUMBER_ID);

async function main() {
  const name = `whatrack_bench_webhooks_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  let server;
  let workers;
  const db = new pg.Client({ connectionString: url.toString() });
  const fakeGraph = await startFakeGraph({
    phoneNumberId: PHONE_NUMBER_ID,
    token: GRAPH_TOKEN,
    appSecret: SECRET,
    statusBatch: STATUS_BATCH,
  });
  try {
    const common = {
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(36).toString('base64'),
      ENCRYPTION_KEY: randomBytes(36).toString('base64'),
    };
    const apart = { WEBHOOK_WORKER_ENABLED: 'false', REPLIES_WORKER_ENABLED: 'false' };
    server = await startApi({
      databaseUrl: url.toString(),
      port: await freePort(),
      env: {
        ...common,
        ...(WORKERS_APART ? apart : {}),
        LOG_LEVEL: 'warn',
        // One client sends everything: per-client limits would only measure the 429 path.
        RATE_LIMITS_ENABLED: 'false',
        WHATSAPP_APP_SECRET: SECRET,
        DATABASE_POOL_SIZE: '24',
        WEBHOOK_WORKER_CONCURRENCY: process.env.WEBHOOK_WORKER_CONCURRENCY ?? '4',
        META_GRAPH_API_BASE_URL: fakeGraph.base,
      },
    });
    fakeGraph.setWebhookUrl(`${server.baseUrl}/api/v1/webhooks/whatsapp/cloud`);
    if (WORKERS_APART) {
      // A second replica on the same database runs the workers (polling); the first only answers HTTP.
      workers = await startApi({
        databaseUrl: url.toString(),
        port: await freePort(),
        env: {
          ...common,
          LOG_LEVEL: 'warn',
          DATABASE_POOL_SIZE: '24',
          META_GRAPH_API_BASE_URL: fakeGraph.base,
          WEBHOOK_WORKER_CONCURRENCY: process.env.WEBHOOK_WORKER_CONCURRENCY ?? '4',
          REPLIES_WORKER_INTERVAL_MS: '100',
          MIGRATIONS_RUN: 'false',
        },
      });
    }
    const session = await api(server.baseUrl, 'POST', '/auth/register', {
      body: {
        organizationName: 'Bench Webhooks',
        name: 'Bench',
        email: `bench.${Date.now()}@example.com`,
        password: 'bench-password-1',
      },
    });
    const instance = await api(server.baseUrl, 'POST', '/whatsapp-instances', {
      token: session.accessToken,
      body: {
        name: 'Cloud',
        phoneNumber: '+55 11 94000-1234',
        provider: 'cloud_api',
        providerPhoneNumberId: PHONE_NUMBER_ID,
      },
    });
    // The line can send (the fake Graph API accepts the token for the number).
    await api(server.baseUrl, 'PATCH', `/whatsapp-instances/${instance.id}`, {
      token: session.accessToken,
      body: { accessToken: GRAPH_TOKEN },
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
    if (REPLIES > 0) await reportReplies(server, session.accessToken, db, fakeGraph);
  } finally {
    await db.end().catch(() => undefined);
    await server?.stop();
    await workers?.stop();
    await fakeGraph.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/**
 * Two runs: replies at a steady BENCH_REPLY_RATE (the target: the API keeps up, its POST p95 stays low since delivery
 * is asynchronous), then as fast as 16 connections get answers (the capacity, POST latency then being queueing).
 */
async function reportReplies(server, token, db, fakeGraph) {
  for (const [label, rate] of [
    [`steady ${REPLY_RATE}/s`, REPLY_RATE],
    ['capacity', 0],
  ]) {
    const cpuBefore = cpuSnapshot(server.pid, []);
    const r = await benchReplies({
      baseUrl: server.baseUrl,
      token,
      db,
      fakeGraph,
      replies: REPLIES,
      connections: CONNECTIONS,
      rate,
    });
    const cpu = cpuBetween(cpuBefore, cpuSnapshot(server.pid, []));
    const p95 = r.latency.p95;
    console.log(
      `replies (${label}): ${r.posts} POST /tickets/:id/messages, ${r.non2xx} non-2xx, p50 ${r.latency.p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms, ${r.postRate.toFixed(0)} req/s; API CPU ${cpu.apiCpuSeconds.toFixed(1)} s (${((1000 * cpu.apiCpuSeconds) / r.posts).toFixed(2)} ms per reply with its 3 statuses), other processes ${cpu.otherCores.toFixed(2)} cores`,
    );
    console.log(
      `  outbox: ${r.outbox.sent} sent, ${r.outbox.failed} failed of ${r.outbox.total}; all delivered after ${r.deliverySeconds.toFixed(1)} s (time in the outbox p50 ${r.lag.p50.toFixed(0)} ms, p95 ${r.lag.p95.toFixed(0)} ms, max ${r.lag.max.toFixed(0)} ms); statuses back after ${r.statusSeconds.toFixed(1)} s (${r.fake.webhooksPosted} status webhooks of up to ${STATUS_BATCH} statuses so far, ${r.fake.statusFailures} refused); replies by status: ${r.statuses.map((s) => `${s.status} ${s.n}`).join(', ')}`,
    );
    const target =
      rate > 0
        ? `replies delivered: ${r.deliveredPerSecond.toFixed(0)}/s (target ≥ ${REPLIES_TARGET_PER_S}/s) ${r.deliveredPerSecond >= REPLIES_TARGET_PER_S ? 'PASS' : 'MISS'}; POST p95 ${p95.toFixed(1)} ms (target < ${REPLY_POST_P95_MS} ms) ${p95 < REPLY_POST_P95_MS ? 'PASS' : 'MISS'}`
        : `replies delivered at capacity: ${r.deliveredPerSecond.toFixed(0)}/s`;
    console.log(`  ${target}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
