// After the last request: is the API still healthy, and what did the background work (the webhook worker) make
// of the stored mutated payloads? Those failures never show as an HTTP status, only as events and log lines.

async function getJson(baseUrl, path, token) {
  const res = await fetch(`${baseUrl}/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, json: await res.json().catch(() => null) };
}

export async function afterRun({ server, ownerToken }) {
  const health = await getJson(server.baseUrl, '/health').catch((error) => ({ status: 0, error: error.message }));
  const healthy = health.status === 200;
  // Give the worker a moment to drain what the last requests stored, so "pending" means stuck, not just late.
  let pending = null;
  for (let i = 0; i < 30 && healthy; i++) {
    pending = (await getJson(server.baseUrl, '/webhook-events?status=pending&pageSize=100', ownerToken)).json;
    if (!pending?.total) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const errors = new Map();
  const counts = {};
  for (const status of ['processed', 'failed', 'unroutable', 'ignored', 'pending', 'processing']) {
    const page = healthy
      ? (await getJson(server.baseUrl, `/webhook-events?status=${status}&pageSize=100`, ownerToken)).json
      : null;
    counts[status] = page?.total ?? null;
    for (const event of page?.items ?? []) {
      if (!event.lastError) continue;
      const key = event.lastError.slice(0, 200);
      const entry = errors.get(key) ?? {
        lastError: key,
        status,
        count: 0,
        exampleId: event.id,
        exampleBody: event.body,
      };
      entry.count++;
      errors.set(key, entry);
    }
  }
  const summary = { health, webhookEvents: counts, eventErrors: [...errors.values()] };
  return {
    healthy,
    summary,
    print(log) {
      console.log(`\nHealth after the run: HTTP ${health.status}${health.error ? ` (${health.error})` : ''}`);
      console.log(`Webhook events of the organization by status: ${JSON.stringify(counts)}`);
      for (const e of summary.eventErrors) {
        console.log(`  worker error on ${e.count} ${e.status} event(s): ${e.lastError}`);
        console.log(`    e.g. event ${e.exampleId}: ${JSON.stringify(e.exampleBody).slice(0, 300)}`);
      }
      const background = new Map();
      for (const line of log.unattached) {
        const key = (line.stack ?? line.message).split('\n')[0].slice(0, 300);
        background.set(key, (background.get(key) ?? 0) + 1);
      }
      summary.backgroundErrors = Object.fromEntries(background);
      if (background.size) console.log('Server errors logged outside any fuzz request (workers, start-up):');
      for (const [message, n] of background) console.log(`  ${n}× ${message}`);
    },
  };
}
