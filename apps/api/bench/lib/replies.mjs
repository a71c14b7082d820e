// The replies case of `npm run bench:webhooks`: agents' replies POSTed to /tickets/:id/messages, delivered by the
// outbox worker to the fake Graph API, whose status webhooks flow back through intake. Measures the API's latency
// for the POST (delivery is asynchronous) and replies delivered per second, then waits for every status.
import autocannon from 'autocannon';

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function benchReplies({ baseUrl, token, db, fakeGraph, replies, connections, rate }) {
  const { rows } = await db.query(`SELECT id FROM tickets ORDER BY created_at, id`);
  const firstReplyAt = (await db.query(`SELECT now() AS at`)).rows[0].at;
  const ticketIds = rows.map((r) => r.id);
  let next = 0;
  const latencies = [];
  const started = Date.now();
  const result = await autocannon({
    url: baseUrl,
    connections,
    amount: replies,
    // A steady rate (requests per second across all connections) when given; otherwise as fast as the API answers.
    ...(rate ? { overallRate: rate } : {}),
    // autocannon's summary has no p95: each response's time is kept.
    setupClient: (client) => client.on('response', (_status, _bytes, ms) => latencies.push(ms)),
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const n = next++;
          return {
            ...req,
            path: `/api/v1/tickets/${ticketIds[n % ticketIds.length]}/messages`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ text: `Resposta ${n}` }),
          };
        },
      },
    ],
  });
  const postsDone = Date.now();
  const settled = async () =>
    (
      await db.query(
        `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status = 'failed')::int AS failed,
                count(*)::int AS total FROM whatsapp_outbox WHERE created_at >= $1`,
        [firstReplyAt],
      )
    ).rows[0];
  let outbox;
  for (;;) {
    outbox = await settled();
    if (outbox.sent + outbox.failed >= outbox.total || Date.now() - postsDone > 300_000) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const delivered = Date.now();
  // How long each reply waited in the outbox (written → accepted by the provider), from the rows themselves.
  const {
    rows: [lag],
  } = await db.query(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95,
            max(ms) AS max
       FROM (SELECT extract(epoch FROM updated_at - created_at) * 1000 AS ms FROM whatsapp_outbox
              WHERE status = 'sent' AND created_at >= $1) d`,
    [firstReplyAt],
  );
  const statusOf = async () =>
    (
      await db.query(
        `SELECT status, count(*)::int AS n FROM whatsapp_messages WHERE direction = 'out' AND created_at >= $1
          GROUP BY status ORDER BY status`,
        [firstReplyAt],
      )
    ).rows;
  const done = async () =>
    (
      await db.query(`SELECT count(*) FILTER (WHERE status IN ('processed','failed','unroutable','ignored'))::int AS d,
                            count(*)::int AS t FROM webhook_events`)
    ).rows[0];
  for (;;) {
    const { d, t } = await done();
    if (((await fakeGraph.stats()).statusesQueued === 0 && d >= t) || Date.now() - delivered > 300_000) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const statusesDone = Date.now();
  return {
    posts: result.requests.total,
    non2xx: result.non2xx,
    latency: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
    postRate: result.requests.average,
    outbox,
    lag: { p50: Number(lag.p50), p95: Number(lag.p95), max: Number(lag.max) },
    deliveredPerSecond: outbox.sent / ((delivered - started) / 1000),
    deliverySeconds: (delivered - started) / 1000,
    statusSeconds: (statusesDone - started) / 1000,
    statuses: await statusOf(),
    fake: await fakeGraph.stats(),
  };
}
