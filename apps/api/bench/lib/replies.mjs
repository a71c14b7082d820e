// The replies case of `npm run bench:webhooks`: agents' replies POSTed to /tickets/:id/messages, delivered by the
// outbox worker to the fake Graph API, whose status webhooks flow back through intake. Measures the API's latency
// for the POST (delivery is asynchronous) and replies delivered per second, then waits for every status.
import autocannon from 'autocannon';

export async function benchReplies({ baseUrl, token, db, fakeGraph, replies, connections }) {
  const { rows } = await db.query(`SELECT id FROM tickets ORDER BY created_at, id`);
  const ticketIds = rows.map((r) => r.id);
  let next = 0;
  const started = Date.now();
  const result = await autocannon({
    url: baseUrl,
    connections,
    amount: replies,
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
                count(*)::int AS total FROM whatsapp_outbox`,
      )
    ).rows[0];
  let outbox;
  for (;;) {
    outbox = await settled();
    if (outbox.sent + outbox.failed >= outbox.total || Date.now() - postsDone > 300_000) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const delivered = Date.now();
  const statusOf = async () =>
    (
      await db.query(
        `SELECT status, count(*)::int AS n FROM whatsapp_messages WHERE direction = 'out' GROUP BY status ORDER BY status`,
      )
    ).rows;
  const done = async () =>
    (await db.query(`SELECT count(*) FILTER (WHERE status IN ('processed','failed','unroutable','ignored'))::int AS d,
                            count(*)::int AS t FROM webhook_events`)).rows[0];
  for (;;) {
    const { d, t } = await done();
    if ((fakeGraph.stats().statusesQueued === 0 && d >= t) || Date.now() - delivered > 300_000) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const statusesDone = Date.now();
  return {
    posts: result.requests.total,
    non2xx: result.non2xx,
    latency: result.latency,
    postRate: result.requests.average,
    outbox,
    deliveredPerSecond: outbox.sent / ((delivered - started) / 1000),
    deliverySeconds: (delivered - started) / 1000,
    statusSeconds: (statusesDone - started) / 1000,
    statuses: await statusOf(),
    fake: fakeGraph.stats(),
  };
}
