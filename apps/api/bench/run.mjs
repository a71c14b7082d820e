// `npm run bench` (in apps/api, after `npm run build`): seeds 100,000 tickets (or each of BENCH_SIZES) into a fresh
// PostgreSQL database, starts the built API on it twice (read cache on, and off) and measures the ticket endpoints
// with autocannon. Not a test: exits 0 even when a target is missed (and says so). Each size's database is dropped and
// its APIs stopped at the end, also on errors.
//
// Environment: DATABASE_URL (admin URL, default postgres://postgres@127.0.0.1:5432/postgres), BENCH_TICKETS
// (100000), BENCH_LEADS (60% of the tickets), BENCH_SIZES (comma-separated ticket counts, e.g. 100000,1000000: each
// measured in turn, then the p95 ratio of the largest to the smallest per case), BENCH_CONNECTIONS (16),
// BENCH_DURATION (10 s), BENCH_WARMUP (2 s), BENCH_CASES (comma-separated substrings of case names to run),
// BENCH_LIVE_RATE (100 webhooks/s during the live-traffic case), BENCH_KEEP_DB=1 (keep the databases), BENCH_API_DIST (another build of dist/ to measure, e.g. a patched copy).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { fmt, printRatios } from './lib/report.mjs';
import { DIST_DIR } from './lib/server.mjs';
import { benchSize } from './lib/size-run.mjs';

const env = process.env;
const int = (name, fallback) => (env[name] ? Number(env[name]) : fallback);
const SIZES = (env.BENCH_SIZES ?? String(int('BENCH_TICKETS', 100_000))).split(',').map(Number);
const ONLY = (env.BENCH_CASES ?? '').split(',').filter(Boolean);
const ADMIN_URL = env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGETS = { LISTING_P95_MS: 50, SEARCH_P95_MS: 100, ATTRIBUTION_P95_MS: 200, CREATE_MIN_RPS: 500 };
/** 100k seeds in under a minute; 1M (issue 15) in under three. */
const seedTargetS = (tickets) => (tickets >= 1_000_000 ? 180 : 60);

const log = (...args) => console.log(...args);

function databaseUrl(name) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function pgClient(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function main() {
  if (!existsSync(join(DIST_DIR, 'main.js'))) {
    throw new Error(
      'dist/main.js not found: run `npm run build -w @whatrack/shared && npm run build -w @whatrack/api` first',
    );
  }
  if (SIZES.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`BENCH_SIZES: ${env.BENCH_SIZES}`);
  const started = Date.now();
  const admin = await pgClient(ADMIN_URL);
  const stops = [];
  const created = [];
  const dropAll = async () => {
    for (const stop of stops.splice(0)) await stop().catch(() => {});
    for (const name of created.splice(0)) {
      if (env.BENCH_KEEP_DB === '1') {
        log(`Kept database ${name} (BENCH_KEEP_DB=1).`);
        continue;
      }
      await admin
        .query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        .catch((e) => console.error(`drop failed: ${e.message}`));
      log(`Dropped database ${name}.`);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      log(`\n${signal}: cleaning up...`);
      void dropAll().finally(() => process.exit(130));
    });
  }
  try {
    const info = (
      await admin.query(
        `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers,
                current_setting('work_mem') AS work_mem, current_setting('max_parallel_workers_per_gather') AS parallel`,
      )
    ).rows[0];
    log(
      `WhaTrack bench: node ${process.version}, ${cpus().length} CPUs, PostgreSQL ${info.version} ` +
        `(shared_buffers ${info.shared_buffers}, work_mem ${info.work_mem}, parallel workers/gather ${info.parallel})`,
    );
    const sized = [];
    for (const tickets of SIZES) {
      const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
      const dbName = `whatrack_bench_${stamp}`;
      const outDir = join(tmpdir(), `whatrack-bench-${stamp}`);
      mkdirSync(outDir, { recursive: true });
      await admin.query(`CREATE DATABASE ${dbName}`);
      created.push(dbName);
      log(`\n##### ${tickets.toLocaleString('en')} tickets — database ${dbName} (APIs from ${DIST_DIR})`);
      const result = await benchSize({ url: databaseUrl(dbName) }, pgClient, {
        tickets,
        leads: int('BENCH_LEADS', Math.round(tickets * 0.6)),
        seedTargetS: seedTargetS(tickets),
        connections: int('BENCH_CONNECTIONS', 16),
        duration: int('BENCH_DURATION', 10),
        warmup: int('BENCH_WARMUP', 2),
        only: ONLY,
        liveRate: int('BENCH_LIVE_RATE', 100),
        targets: TARGETS,
        stamp,
        log,
        onStop: (stop) => stops.push(stop),
      });
      writeFileSync(join(outDir, 'plans.txt'), result.plans.join('\n'));
      writeFileSync(join(outDir, 'results.json'), JSON.stringify(result, null, 2));
      log(`Plans (EXPLAIN ANALYZE, BUFFERS) and raw results: ${outDir}`);
      sized.push(result);
      await dropAll();
    }
    printRatios(log, sized);
    log(`Total bench time ${fmt((Date.now() - started) / 1000, 0)} s.`);
  } finally {
    await dropAll();
    await admin.end().catch(() => {});
  }
}

main().catch((error) => {
  console.error(`\nBench failed: ${error instanceof Error ? error.stack : error}`);
  process.exitCode = 1;
});
