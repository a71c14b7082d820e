// What `npm run bench` prints after the cases: the table of one size, and the 1M/100k ratios across sizes.
export const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const NAME_WIDTH = 58;

/** One size's results: latencies, PostgreSQL times, CPU per request, target and verdict per case. */
export function printTable(log, results) {
  const line = '='.repeat(188);
  log(`\n${line}`);
  log(
    `${'case'.padEnd(NAME_WIDTH)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'req/s'.padStart(7)} ${'non2xx'.padStart(6)} ` +
      `${'pg page'.padStart(8)} ${'pg summ'.padStart(8)} ${'pg other'.padStart(8)} ${'API cpu'.padStart(8)} ${'PG cpu'.padStart(7)} ${'other'.padStart(6)}  ${'target'.padEnd(12)} result`,
  );
  for (const r of results) {
    const pgOf = (label) =>
      r.pg?.filter((p) => p.label === label).reduce((sum, p) => sum + p.executionMs, 0) || undefined;
    const other = r.pg
      ?.filter((p) => !['page', 'summary'].includes(p.label))
      .reduce((sum, p) => sum + p.executionMs, 0);
    const target = r.target.p95 ? `p95<${r.target.p95}ms` : r.target.rps ? `>=${r.target.rps}/s` : '-';
    log(
      `${r.name.padEnd(NAME_WIDTH)} ${fmt(r.p50).padStart(7)} ${fmt(r.p95).padStart(7)} ${fmt(r.p99).padStart(7)} ${fmt(r.rps, 0).padStart(7)} ${String(r.non2xx).padStart(6)} ` +
        `${fmt(pgOf('page'), 2).padStart(8)} ${fmt(pgOf('summary'), 2).padStart(8)} ${fmt(other, 2).padStart(8)} ` +
        `${fmt(r.cpu.apiMsPerRequest, 2).padStart(8)} ${fmt(r.cpu.pgMsPerRequest, 2).padStart(7)} ${fmt(r.cpu.otherCores, 2).padStart(6)}  ${target.padEnd(12)} ${r.verdict}`,
    );
  }
  log(line);
  log(
    'Latencies in ms. [cached]: the API with its read cache on, the same request repeated while nothing is written, so',
  );
  log(
    'the summary, facets and search matches are cache hits after the first request; [uncached]: a second API process',
  );
  log('on the same database with READ_CACHE_TTL_MS=0, what every request costs once writes keep dropping the cache.');
  log(
    'pg page/summ/other: PostgreSQL execution time in ms (EXPLAIN ANALYZE TIMING OFF, median of 5, warm cache) of the',
  );
  log('statements the endpoint sends. API cpu / PG cpu: CPU ms per request of the API process / of its PostgreSQL');
  log(
    'backends. other: cores busy with anything else on the machine during the case (other jobs, PG parallel workers).',
  );
}

/**
 * For each case measured at the smallest and the largest size: the p95 ratio largest/smallest, PASS when at most
 * `maxRatio` (costs that grow with the answer, not with the organization).
 */
export function printRatios(log, sized, maxRatio = 2) {
  if (sized.length < 2) return;
  const small = sized[0];
  const large = sized[sized.length - 1];
  const label = `p95 ${large.size.toLocaleString('en')} / ${small.size.toLocaleString('en')}`;
  log(
    `\n${'case'.padEnd(NAME_WIDTH)} ${'p95 small'.padStart(10)} ${'p95 large'.padStart(10)} ${'ratio'.padStart(7)}  result (${label} <= ${maxRatio})`,
  );
  for (const r of large.results) {
    const base = small.results.find((s) => s.name === r.name);
    if (!base || !r.target.p95) continue;
    const ratio = r.p95 / base.p95;
    log(
      `${r.name.padEnd(NAME_WIDTH)} ${fmt(base.p95).padStart(10)} ${fmt(r.p95).padStart(10)} ${fmt(ratio, 2).padStart(7)}  ${ratio <= maxRatio ? 'PASS' : 'FAIL'}`,
    );
  }
}
