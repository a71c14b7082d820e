// One load case with autocannon: a warm-up run (discarded), then the measured run. Latencies are recorded per
// response (autocannon's summary has no p95), so p50/p95/p99 are exact over the measured run.
import autocannon from 'autocannon';
import { cpuBetween, cpuSnapshot } from './cpu.mjs';

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function run({ url, connections, duration, requests, record }) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration,
        requests,
        setupClient: (client) => {
          if (record) client.on('response', (status, _bytes, ms) => record(status, ms));
        },
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/**
 * Runs `requests` (autocannon request objects; setupRequest may rotate ids or bodies) for `warmup` then
 * `duration` seconds. Returns latency percentiles (ms), requests/s, non-2xx and error counts.
 */
export async function loadCase({
  url,
  connections = 16,
  warmup = 2,
  duration = 10,
  requests,
  apiPid,
  pgPids,
  walBytes,
}) {
  if (warmup > 0) await run({ url, connections, duration: warmup, requests });
  // The pool's backends exist once the warm-up has opened them.
  const backends = pgPids ? await pgPids() : [];
  const walBefore = walBytes ? await walBytes() : null;
  const before = cpuSnapshot(apiPid, backends);
  const latencies = [];
  const statuses = new Map();
  const errorSamples = [];
  const result = await run({
    url,
    connections,
    duration,
    // Keep the first bodies of non-2xx answers, to say why.
    requests: requests.map((request) => ({
      ...request,
      onResponse: (status, body) => {
        if ((status < 200 || status >= 300) && errorSamples.length < 3)
          errorSamples.push(`${status} ${String(body).slice(0, 300)}`);
      },
    })),
    record: (status, ms) => {
      latencies.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    },
  });
  const cpu = cpuBetween(before, cpuSnapshot(apiPid, backends));
  const walAfter = walBytes ? await walBytes() : null;
  latencies.sort((a, b) => a - b);
  const seconds = result.duration || duration;
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses: Object.fromEntries(statuses),
    errorSamples,
    cpu: {
      ...cpu,
      apiMsPerRequest: (cpu.apiCpuSeconds * 1000) / Math.max(1, latencies.length),
      pgMsPerRequest: (cpu.pgCpuSeconds * 1000) / Math.max(1, latencies.length),
    },
    walBytesPerRequest: walBefore === null ? null : (walAfter - walBefore) / Math.max(1, latencies.length),
  };
}
