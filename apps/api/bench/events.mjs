// `npm run bench:events` (in apps/api, after `npm run build`): the event stream under webhook load. Starts the built
// API on a fresh PostgreSQL database, opens BENCH_EVENT_STREAMS (500) GET /events streams for one organization, then
// POSTs BENCH_EVENTS_MESSAGES (3000) signed Cloud API webhooks over 16 connections, as in bench:webhooks. Prints
// messages/s processed end to end, the delay from a webhook POST being accepted (its 200) to its event (the ticket's
// ticket.updated carrying the message's preview) reaching the streams (p50/p95, over BENCH_SAMPLED_STREAMS streams that
// parse every frame; the others only count theirs), the streams still open at the end and the API's RSS before and
// during. Not a test: exits 0 whatever the figures.
//
// Environment: DATABASE_URL (admin URL, default postgres://postgres@127.0.0.1:5432/postgres), BENCH_EVENT_STREAMS,
// BENCH_EVENTS_MESSAGES, BENCH_SAMPLED_STREAMS (20), BENCH_CONNECTIONS (16), BENCH_EVENTS_RATE (webhooks/s; 0, the
// default, sends as fast as the API answers, so the delay then includes the worker's backlog),
// BENCH_EVENTS_TRIGGERS=off (the realtime triggers disabled: what ingestion costs without NOTIFY, for comparison; the
// streams then get nothing).
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import autocannon from 'autocannon';
import pg from 'pg';
import { cloudMessageBody, metaSignature } from './lib/cloud-webhook.mjs';
import { api, freePort, startApi } from './lib/server.mjs';

const STREAMS = Number(process.env.BENCH_EVENT_STREAMS ?? 500);
const MESSAGES = Number(process.env.BENCH_EVENTS_MESSAGES ?? 3000);
const SAMPLED = Math.min(STREAMS, Number(process.env.BENCH_SAMPLED_STREAMS ?? 20));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
/** Webhooks per second (0: as fast as the API answers, when processing then queues behind intake). */
const RATE = Number(process.env.BENCH_EVENTS_RATE ?? 0);
const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const SECRET = randomBytes(16).toString('hex');
const PHONE_NUMBER_ID = '109876543210987';
const PREVIEW = /"lastMessagePreview":"Mensagem (\d+)"/;

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * One open stream. A sampled one parses every frame and records when each message's ticket.updated arrived; the
 * others count message.created frames (a match split across chunks is found through the carried tail).
 */
function openStream(baseUrl, token, sampled, onDelivered) {
  return new Promise((resolve, reject) => {
    const state = { created: 0, open: true, ready: false };
    const req = request(`${baseUrl}/api/v1/events`, { headers: { authorization: `Bearer ${token}` } });
    req.on('error', reject);
    req.on('response', (res) => {
      if (res.statusCode !== 200) return reject(new Error(`GET /events answered ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        const now = Date.now();
        buffer += chunk;
        const end = buffer.lastIndexOf('\n\n');
        if (end < 0) return;
        const frames = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!state.ready && frames.includes('event: ready')) {
          state.ready = true;
          resolve(state);
        }
        let at = -1;
        while ((at = frames.indexOf('event: message.created', at + 1)) >= 0) state.created++;
        if (!sampled) return;
        for (const frame of frames.split('\n\n')) {
          if (!frame.includes('event: ticket.updated')) continue;
          const match = PREVIEW.exec(frame);
          if (match) onDelivered(Number(match[1]), now);
        }
      });
      res.on('close', () => (state.open = false));
    });
    req.end();
    state.close = () => req.destroy();
  });
}

async function main() {
  const name = `whatrack_bench_events_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = new pg.Client({ connectionString: url.toString() });
  let server;
  const streams = [];
  try {
    server = await startApi({
      databaseUrl: url.toString(),
      port: await freePort(),
      env: {
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(36).toString('base64'),
        ENCRYPTION_KEY: randomBytes(36).toString('base64'),
        LOG_LEVEL: 'warn',
        RATE_LIMITS_ENABLED: 'false',
        WHATSAPP_APP_SECRET: SECRET,
        DATABASE_POOL_SIZE: '24',
        WEBHOOK_WORKER_CONCURRENCY: process.env.WEBHOOK_WORKER_CONCURRENCY ?? '4',
      },
    });
    const session = await api(server.baseUrl, 'POST', '/auth/register', {
      body: {
        organizationName: 'Bench Events',
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
    const triggersOff = process.env.BENCH_EVENTS_TRIGGERS === 'off';
    if (triggersOff) {
      for (const [table, trigger] of [
        ['tickets', 'TRG_tickets_realtime'],
        ['whatsapp_messages', 'TRG_whatsapp_messages_realtime'],
        ['sales', 'TRG_sales_realtime'],
      ])
        await db.query(`ALTER TABLE ${table} DISABLE TRIGGER "${trigger}"`);
    }
    await new Promise((r) => setTimeout(r, 1000));
    const rssBefore = server.memory().rssKb;

    const acceptedAt = new Map();
    const delays = [];
    const onDelivered = (n, at) => {
      const accepted = acceptedAt.get(n);
      if (accepted !== undefined) delays.push(at - accepted);
    };
    for (let i = 0; i < STREAMS; i++)
      streams.push(await openStream(server.baseUrl, session.accessToken, i < SAMPLED, onDelivered));
    await new Promise((r) => setTimeout(r, 1000));
    const rssStreamsOpen = server.memory().rssKb;

    let next = 0;
    let peakDuring = 0;
    const sampler = setInterval(() => (peakDuring = Math.max(peakDuring, server.memory().rssKb)), 250);
    const started = Date.now();
    const result = await autocannon({
      url: `${server.baseUrl}/api/v1/webhooks/whatsapp/cloud`,
      connections: CONNECTIONS,
      amount: MESSAGES,
      ...(RATE > 0 ? { overallRate: RATE } : {}),
      requests: [
        {
          method: 'POST',
          setupRequest: (req, context) => {
            const n = next++;
            context.n = n;
            const body = cloudMessageBody(n, MESSAGES, PHONE_NUMBER_ID);
            return {
              ...req,
              body,
              headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(body, SECRET) },
            };
          },
          onResponse: (status, _body, context) => {
            if (status === 200) acceptedAt.set(context.n, Date.now());
          },
        },
      ],
    });
    const doneCount = async () =>
      (
        await db.query(
          `SELECT count(*) FILTER (WHERE status IN ('processed','failed','unroutable','ignored'))::int AS done FROM webhook_events`,
        )
      ).rows[0].done;
    const intakeDone = Date.now();
    while ((await doneCount()) < MESSAGES && Date.now() - intakeDone < 300_000)
      await new Promise((r) => setTimeout(r, 100));
    const processedAt = Date.now();
    // The last events are on their way to the streams.
    const deadline = Date.now() + 10_000;
    while (!triggersOff && streams.some((s) => s.open && s.created < MESSAGES) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    clearInterval(sampler);
    const {
      rows: [check],
    } = await db.query('SELECT count(*)::int AS messages FROM whatsapp_messages');

    const seconds = (processedAt - started) / 1000;
    const sorted = delays.sort((a, b) => a - b);
    const open = streams.filter((s) => s.open).length;
    const complete = streams.filter((s) => s.created >= check.messages).length;
    console.log(
      `webhook intake (${RATE > 0 ? `${RATE}/s` : 'as fast as answered'}): ${result.requests.total} requests, ${result.non2xx} non-2xx, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
    );
    console.log(
      `messages processed end to end with ${STREAMS} streams open${triggersOff ? ' (realtime triggers off)' : ''}: ${(check.messages / seconds).toFixed(0)}/s (${check.messages} in ${seconds.toFixed(1)} s)`,
    );
    console.log(
      `webhook accepted → ticket.updated on a stream: p50 ${percentile(sorted, 50)} ms, p95 ${percentile(sorted, 95)} ms, max ${sorted.at(-1)} ms (${sorted.length} deliveries over ${SAMPLED} parsed streams)`,
    );
    console.log(`streams: ${open} of ${STREAMS} still open, ${complete} got every message.created (${check.messages})`);
    console.log(
      `API RSS: ${(rssBefore / 1024).toFixed(0)} MB before the streams, ${(rssStreamsOpen / 1024).toFixed(0)} MB with ${STREAMS} idle streams, peak ${(peakDuring / 1024).toFixed(0)} MB during the load`,
    );
  } finally {
    for (const s of streams) s.close();
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
