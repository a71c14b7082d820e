// The live-traffic case of `npm run bench` (issue 15): the listing mix on the API without a read cache while Cloud API
// webhooks feed the same organization at BENCH_LIVE_RATE messages/s (a tenth of them from new leads, opening tickets),
// then every message processed and the summary equal to a recount of the tickets.
import { cloudLeadMessageBody, metaSignature } from './cloud-webhook.mjs';
import { loadCase } from './load.mjs';
import { api } from './server.mjs';

export const LIVE_PHONE_NUMBER_ID = '109876543210777';
const DONE = `('processed','failed','unroutable','ignored')`;

/** Sends webhooks at `rate`/s until stopped; message n % 10 === 0 comes from a new lead, the others from known ones. */
function feeder(baseUrl, appSecret, rate) {
  let sent = 0;
  let refused = 0;
  let leads = 0;
  const pending = new Set();
  const post = (n) => {
    const lead = n % 10 === 0 || leads === 0 ? leads++ : Math.floor(Math.random() * leads);
    const body = cloudLeadMessageBody(n, 1_000_000 + lead, LIVE_PHONE_NUMBER_ID);
    const request = fetch(`${baseUrl}/api/v1/webhooks/whatsapp/cloud`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(body, appSecret) },
      body,
    })
      .then(async (res) => {
        await res.arrayBuffer();
        if (res.status !== 200) refused++;
      })
      .catch(() => refused++)
      .finally(() => pending.delete(request));
    pending.add(request);
  };
  const started = Date.now();
  const timer = setInterval(() => {
    const due = Math.floor(((Date.now() - started) / 1000) * rate);
    while (sent < due) post(sent++);
  }, 10);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
      return { sent, refused, newLeads: leads, seconds: (Date.now() - started) / 1000 };
    },
  };
}

/** The summary of GET /tickets (uncached) against a recount of the organization's tickets in SQL. */
async function summaryCheck(db, org, baseUrl, token) {
  const listed = await api(baseUrl, 'GET', '/tickets?pageSize=1', { token });
  const counted = (
    await db.query(
      `SELECT count(*)::int AS total, (count(*) FILTER (WHERE sales_count > 0))::int AS "withSales",
              COALESCE(sum(deal_value) FILTER (WHERE status = 'open'), 0)::float8 AS "dealValueOpen",
              COALESCE(sum(deal_value), 0)::float8 AS "dealValueTotal"
         FROM tickets WHERE organization_id = $1`,
      [org],
    )
  ).rows[0];
  const shown = { ...listed.summary, total: listed.total };
  const equal =
    listed.summary.total === listed.total &&
    Object.keys(counted).every((key) => Math.abs(Number(shown[key]) - Number(counted[key])) < 0.005);
  return { shown, counted, equal };
}

/** The attribution report's totals (uncached) against a recount of the tickets and sales in SQL. */
async function reportCheck(db, org, baseUrl, token) {
  const { totals } = await api(baseUrl, 'GET', '/reports/attribution?groupBy=utmCampaign', { token });
  const counted = (
    await db.query(
      `SELECT (SELECT count(*) FROM tickets WHERE organization_id = $1)::int AS tickets,
              (SELECT count(*) FROM tickets WHERE organization_id = $1 AND sales_count > 0)::int AS "ticketsWithSales",
              (SELECT COALESCE(sum(deal_value), 0) FROM tickets WHERE organization_id = $1 AND status = 'open')::float8
                AS "dealValueOpen",
              (SELECT count(*) FROM sales WHERE organization_id = $1)::int AS "salesCount",
              (SELECT COALESCE(sum(value), 0) FROM sales WHERE organization_id = $1)::float8 AS revenue`,
      [org],
    )
  ).rows[0];
  const shown = Object.fromEntries(Object.keys(counted).map((key) => [key, totals[key]]));
  const equal = Object.keys(counted).every((key) => Math.abs(Number(shown[key]) - Number(counted[key])) < 0.005);
  return { shown, counted, equal };
}

/**
 * Runs the case; `cached` takes the webhooks (its worker processes them), `uncached` answers the listing mix.
 * Returns the load's result plus the feeder's counts, whether every message was processed and the summary check.
 */
export async function liveTraffic({ db, org, token, cached, uncached, stageId, appSecret, rate, options }) {
  await api(cached.baseUrl, 'POST', '/whatsapp-instances', {
    token,
    body: {
      name: 'Cloud',
      phoneNumber: '+55 11 94000-7777',
      provider: 'cloud_api',
      providerPhoneNumberId: LIVE_PHONE_NUMBER_ID,
    },
  });
  const auth = { authorization: `Bearer ${token}` };
  const mix = ['', `?stageId=${stageId}`, '?hasSales=true', '?dateRange=30d', '/inbounds'].map((query) => ({
    method: 'GET',
    path: `/api/v1/tickets${query}`,
    headers: auth,
  }));
  const before = (await db.query(`SELECT count(*)::int AS n FROM webhook_events WHERE status IN ${DONE}`)).rows[0].n;
  const feed = feeder(cached.baseUrl, appSecret, rate);
  const load = await loadCase({
    url: uncached.baseUrl,
    connections: options.connections,
    warmup: options.warmup,
    duration: options.duration,
    requests: mix,
    apiPid: uncached.pid,
  });
  const fed = await feed.stop();
  const deadline = Date.now() + 120_000;
  let processed = 0;
  for (;;) {
    processed =
      (await db.query(`SELECT count(*)::int AS n FROM webhook_events WHERE status IN ${DONE}`)).rows[0].n - before;
    if (processed >= fed.sent || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const failed = (
    await db.query(`SELECT count(*)::int AS n FROM webhook_events WHERE status <> 'processed' AND status IN ${DONE}`)
  ).rows[0].n;
  const summary = await summaryCheck(db, org, uncached.baseUrl, token);
  return { load, fed, processed, failed, summary, report: await reportCheck(db, org, uncached.baseUrl, token) };
}
