// Sends the cases of every operation, a few at a time, until the request or time budget is spent.
import { caseStream, fieldTargets, harvest } from './cases.mjs';
import { checkResponse, isDocumented } from './checks.mjs';
import { materialize } from './requests.mjs';

/** Operations with more fields get more requests (up to 4x), so a 20-field body is not fuzzed like a bare GET. */
function weightOf(op) {
  const fields = fieldTargets(op).length + op.pathParams.length;
  return 1 + Math.min(3, Math.ceil(fields / 6));
}

export async function runFuzz({
  operations,
  ctx,
  pool,
  client,
  wire,
  errorSchema,
  limits,
  isServerUp,
  findings,
  onProgress,
  databaseActivity,
}) {
  const streams = operations.map((op) => {
    const rng = ctx.rng.fork(op.key);
    return { op, gen: caseStream(op, { ...ctx, rng, ids: pool.withRng(rng) }), sent: 0, weight: weightOf(op) };
  });
  const stats = new Map(operations.map((op) => [op.key, { statuses: {}, undocumented: {}, count: 0 }]));
  const started = Date.now();
  const deadline = started + limits.maxSeconds * 1000;
  let seq = 0;
  const notSent = [];
  let stopReason = null;

  const nextCase = () => {
    let best = streams[0];
    for (const s of streams) if (s.sent / s.weight < best.sent / best.weight) best = s;
    best.sent++;
    return best.gen.next().value;
  };

  async function worker() {
    for (;;) {
      if (seq >= limits.maxRequests) stopReason ??= `${limits.maxRequests} requests sent`;
      else if (Date.now() >= deadline) stopReason ??= `${limits.maxSeconds} s elapsed`;
      else if (!isServerUp()) stopReason ??= 'the API process exited';
      else if (limits.interrupted) stopReason ??= 'interrupted';
      if (stopReason) return;
      const req = nextCase();
      const id = ++seq;
      const wireReq = materialize(req, wire);
      wireReq.headers['x-fuzz-id'] = String(id);
      const res = await client.send(wireReq);
      const stat = stats.get(req.op.key);
      if (res.notSent) {
        // A request Node itself refuses to write is a fuzzer bug, not a server finding.
        notSent.push({ label: req.label, operation: req.op.key, error: res.error });
        continue;
      }
      stat.count++;
      const statusKey = res.error ? (res.status ? `${res.status} cut off` : 'no answer') : String(res.status);
      stat.statuses[statusKey] = (stat.statuses[statusKey] ?? 0) + 1;
      if (!res.error && !isDocumented(req.op, res.status)) {
        stat.undocumented[statusKey] = (stat.undocumented[statusKey] ?? 0) + 1;
      }
      if (!res.error && res.status >= 400 && res.body.length > 64 * 1024) {
        // Not a failure, but an answer hundreds of times larger than the request that caused it is worth a look.
        const big = (stat.bigErrors ??= { count: 0, largest: 0, label: null });
        big.count++;
        if (res.body.length > big.largest) Object.assign(big, { largest: res.body.length, label: req.label });
      }
      if (res.timedOut) res.dbActivity = await databaseActivity?.().catch((error) => error.message);
      const problems = checkResponse({ op: req.op, method: wireReq.method, res, errorSchema });
      for (const problem of problems) findings.add({ id, ...problem, req, wireReq, res });
      if (!res.error && res.status < 300 && /json/.test(res.headers['content-type'] ?? '')) {
        try {
          harvest(req, res.status, JSON.parse(res.body.toString('utf8')), pool);
        } catch {
          // a truncated or odd body: nothing to harvest
        }
      } else if (!res.error) {
        harvest(req, res.status, null, pool);
      }
      if (id % 500 === 0)
        onProgress?.({ sent: id, seconds: (Date.now() - started) / 1000, findings: findings.count() });
    }
  }

  await Promise.all(Array.from({ length: limits.concurrency }, worker));
  return { stats, notSent, sent: seq - notSent.length, seconds: (Date.now() - started) / 1000, stopReason };
}
