// `npm run bench` (in apps/api, after `npm run build`): seeds 100,000 tickets into a fresh PostgreSQL database,
// starts the built API on it and measures the ticket endpoints with autocannon. Not a test: exits 0 even when a
// target is missed (and says so). The database is dropped and the API stopped at the end, also on errors.
//
// Environment: DATABASE_URL (admin URL, default postgres://postgres@127.0.0.1:5432/postgres), BENCH_TICKETS
// (100000), BENCH_LEADS (60000), BENCH_CONNECTIONS (16), BENCH_DURATION (10 s), BENCH_WARMUP (2 s),
// BENCH_CASES (comma-separated substrings of case names to run), BENCH_KEEP_DB=1 (keep the database),
// BENCH_API_DIST (another build of dist/ to measure, e.g. a patched copy).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { benchCases } from './lib/cases.mjs';
import { captureListingSql, explainStatements } from './lib/listing-sql.mjs';
import { loadCase } from './lib/load.mjs';
import { counterMismatches, seed } from './lib/seed.mjs';
import { api, DIST_DIR, freePort, startApi } from './lib/server.mjs';

const env = process.env;
const int = (name, fallback) => (env[name] ? Number(env[name]) : fallback);
const TICKETS = int('BENCH_TICKETS', 100_000);
const LEADS = int('BENCH_LEADS', 60_000);
const CONNECTIONS = int('BENCH_CONNECTIONS', 16);
const DURATION = int('BENCH_DURATION', 10);
const WARMUP = int('BENCH_WARMUP', 2);
const ONLY = (env.BENCH_CASES ?? '').split(',').filter(Boolean);
const ADMIN_URL = env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const LISTING_P95_MS = 50;
const SEARCH_P95_MS = 100;
const ATTRIBUTION_P95_MS = 200;
const CREATE_MIN_RPS = 300;
const SEED_TARGET_S = 60;

const log = (...args) => console.log(...args);
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

function databaseUrl(name) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main() {
  if (!existsSync(join(DIST_DIR, 'main.js'))) {
    throw new Error(
      'dist/main.js not found: run `npm run build -w @whatrack/shared && npm run build -w @whatrack/api` first',
    );
  }
  const started = Date.now();
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dbName = `whatrack_bench_${stamp}`;
  const outDir = join(tmpdir(), `whatrack-bench-${stamp}`);
  mkdirSync(outDir, { recursive: true });
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  let server = null;
  let dbCreated = false;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    if (server) await server.stop().catch(() => {});
    if (dbCreated && env.BENCH_KEEP_DB !== '1') {
      await admin
        .query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
        .catch((e) => console.error(`drop failed: ${e.message}`));
      log(`Dropped database ${dbName}.`);
    } else if (dbCreated) {
      log(`Kept database ${dbName} (BENCH_KEEP_DB=1).`);
    }
    await admin.end().catch(() => {});
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      log(`\n${signal}: cleaning up...`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    const pgInfo = (
      await admin.query(
        `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers,
                current_setting('work_mem') AS work_mem, current_setting('max_parallel_workers_per_gather') AS parallel`,
      )
    ).rows[0];
    log(
      `WhaTrack bench: node ${process.version}, ${cpus().length} CPUs, PostgreSQL ${pgInfo.version} ` +
        `(shared_buffers ${pgInfo.shared_buffers}, work_mem ${pgInfo.work_mem}, parallel workers/gather ${pgInfo.parallel})`,
    );
    await admin.query(`CREATE DATABASE ${dbName}`);
    dbCreated = true;
    const url = databaseUrl(dbName);
    log(`Database ${dbName} created; starting the API from ${DIST_DIR} (migrations run at boot)...`);

    server = await startApi({
      databaseUrl: url,
      port: await freePort(),
      env: {
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(36).toString('base64url'), // 48 characters
        ENCRYPTION_KEY: randomBytes(36).toString('base64url'), // required in production by newer builds
        LOG_LEVEL: 'warn',
        // One client sends everything: per-client limits would only measure the 429 path.
        RATE_LIMITS_ENABLED: 'false',
        MIGRATIONS_RUN: 'true',
      },
    });
    const { baseUrl } = server;
    log(`API up at ${baseUrl} (pid ${server.pid}, RSS ${fmt(server.memory().rssKb / 1024)} MiB).`);

    // Organization, owner and agents, instance: through the API.
    const email = `bench-${stamp}@bench.whatrack.test`;
    const session = await api(baseUrl, 'POST', '/auth/register', {
      body: { organizationName: 'Bench Org', name: 'Dona Bench', email, password: 'bench-password-123' },
    });
    const token = session.accessToken;
    const org = session.organization.id;
    for (const name of ['Rafael Nogueira', 'Camila Duarte', 'Thiago Moreira']) {
      await api(baseUrl, 'POST', '/users', {
        token,
        body: {
          name,
          email: `${name.split(' ')[0].toLowerCase()}-${stamp}@bench.whatrack.test`,
          password: 'bench-password-123',
          role: 'agent',
        },
      });
    }
    const instance = await api(baseUrl, 'POST', '/whatsapp-instances', {
      token,
      body: {
        name: 'Bench',
        phoneNumber: '+55 11 94002-8922',
        provider: 'evolution',
        providerPhoneNumberId: `bench-${stamp}`,
      },
    });

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const stages = (
        await db.query(
          'SELECT id, name, is_closed AS "isClosed" FROM ticket_stages WHERE organization_id = $1 ORDER BY position',
          [org],
        )
      ).rows;
      if (stages.length < 3) throw new Error(`expected the 3 default stages, found ${stages.length}`);
      const users = (
        await db.query(`SELECT id, name FROM users WHERE organization_id = $1 ORDER BY role = 'owner' DESC, name`, [
          org,
        ])
      ).rows;

      log(`\nSeeding ${TICKETS.toLocaleString('en')} tickets / ${LEADS.toLocaleString('en')} leads (bulk SQL)...`);
      const seeded = await seed(
        url,
        { org, instanceId: instance.id, stages, users, tickets: TICKETS, leads: LEADS, now: new Date() },
        log,
      );
      for (const [label, ms] of seeded.timings) log(`  ${label.padEnd(58)} ${fmt(ms / 1000)} s`);
      log(
        `  rows: ${Object.entries(seeded.counts)
          .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
          .join(', ')}`,
      );
      const mismatches = await counterMismatches(db, org);
      log(
        `  cores used while seeding: PostgreSQL (seed sessions) ${fmt(seeded.cpu.pgCores, 2)}, ` +
          `other processes ${fmt(seeded.cpu.otherCores, 2)} (incl. PG parallel index builds), idle ${fmt(seeded.cpu.idleCores, 2)}`,
      );
      log(
        `  foreign keys: ${seeded.fkTriggers ? 'checked row by row (not a superuser)' : 'per-row triggers off while loading'}; ` +
          `${seeded.integrity.checked} constraints verified afterwards, violations: ${seeded.integrity.violations.length === 0 ? 'none' : seeded.integrity.violations.join(', ')}`,
      );
      const seedPass = seeded.totalMs / 1000 < SEED_TARGET_S;
      log(
        `  seed total ${fmt(seeded.totalMs / 1000)} s (inserts ${fmt(seeded.insertMs / 1000)} s + VACUUM ANALYZE) — target < ${SEED_TARGET_S} s: ${seedPass ? 'PASS' : 'FAIL'}`,
      );
      log(`  tickets whose counters differ from the real counts/sums: ${mismatches}`);

      const cases = (
        await benchCases({
          db,
          org,
          token,
          stages,
          users,
          instance,
          targets: { LISTING_P95_MS, SEARCH_P95_MS, ATTRIBUTION_P95_MS, CREATE_MIN_RPS },
        })
      ).filter((c) => ONLY.length === 0 || ONLY.some((o) => c.name.includes(o)));

      const pgPids = async () =>
        (
          await db.query(
            'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
          )
        ).rows.map((r) => r.pid);
      const plans = [];
      const results = [];
      log(
        `\nLoad: ${CONNECTIONS} connections, ${WARMUP} s warm-up (excluded) + ${DURATION} s per case. Load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}.`,
      );
      for (const c of cases) {
        let pgTimes = null;
        if (c.kind) {
          const statements = await captureListingSql(db, org, c.kind, c.query);
          pgTimes = await explainStatements(db, statements);
          plans.push(
            `### ${c.name}\n` +
              pgTimes
                .map((e) => `-- ${e.label} (params ${JSON.stringify(e.params)})\n${e.sql}\n\n${e.textPlan}\n`)
                .join('\n'),
          );
        }
        const r = await loadCase({
          url: baseUrl,
          connections: CONNECTIONS,
          warmup: WARMUP,
          duration: DURATION,
          requests: c.requests,
          apiPid: server.pid,
          pgPids,
        });
        const checks = [];
        if (c.target.p95) checks.push(r.p95 < c.target.p95);
        if (c.target.rps) checks.push(r.rps >= c.target.rps);
        if (r.non2xx > 0 || r.errors > 0) checks.push(false);
        const verdict =
          checks.length === 0 ? (r.non2xx || r.errors ? 'FAIL' : '-') : checks.every(Boolean) ? 'PASS' : 'FAIL';
        results.push({
          name: c.name,
          ...r,
          pg: pgTimes?.map(({ label, executionMs, planningMs }) => ({ label, executionMs, planningMs })) ?? null,
          target: c.target,
          verdict,
        });
        const pgText = pgTimes ? pgTimes.map((e) => `${e.label} ${fmt(e.executionMs, 2)}`).join(', ') : '-';
        log(
          `  ${c.name.padEnd(38)} p50 ${fmt(r.p50).padStart(6)}  p95 ${fmt(r.p95).padStart(6)}  p99 ${fmt(r.p99).padStart(6)} ms  ` +
            `${fmt(r.rps, 0).padStart(5)} req/s  non-2xx ${r.non2xx}${r.errors ? ` errors ${r.errors}` : ''}  ${verdict}`,
        );
        log(
          `      pg exec ms: ${pgText}  |  CPU per request: API ${fmt(r.cpu.apiMsPerRequest, 2)} ms, PG ${fmt(r.cpu.pgMsPerRequest, 2)} ms  |  ` +
            `cores used: API ${fmt(r.cpu.apiCores, 2)}, PG ${fmt(r.cpu.pgCores, 2)}, autocannon ${fmt(r.cpu.benchCores, 2)}, ` +
            `other ${fmt(r.cpu.otherCores, 2)}, idle ${fmt(r.cpu.idleCores, 2)}`,
        );
        if (r.non2xx > 0) log(`      statuses: ${JSON.stringify(r.statuses)}; first: ${r.errorSamples.join(' | ')}`);
      }
      const memory = server.memory();
      const postMismatches = await counterMismatches(db, org);

      // Final table.
      const line = '='.repeat(168);
      log(`\n${line}`);
      log(
        `${'case'.padEnd(38)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'req/s'.padStart(7)} ${'non2xx'.padStart(6)} ` +
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
          `${r.name.padEnd(38)} ${fmt(r.p50).padStart(7)} ${fmt(r.p95).padStart(7)} ${fmt(r.p99).padStart(7)} ${fmt(r.rps, 0).padStart(7)} ${String(r.non2xx).padStart(6)} ` +
            `${fmt(pgOf('page'), 2).padStart(8)} ${fmt(pgOf('summary'), 2).padStart(8)} ${fmt(other, 2).padStart(8)} ` +
            `${fmt(r.cpu.apiMsPerRequest, 2).padStart(8)} ${fmt(r.cpu.pgMsPerRequest, 2).padStart(7)} ${fmt(r.cpu.otherCores, 2).padStart(6)}  ${target.padEnd(12)} ${r.verdict}`,
        );
      }
      log(line);
      log(
        'Latencies in ms (16 connections). pg page/summ/other: PostgreSQL execution time in ms (EXPLAIN ANALYZE TIMING OFF, median of 5,',
      );
      log(
        'warm cache) of the statements the endpoint sends: the page query, the summary (count/sums), the origins facet',
      );
      log(
        '(+ identifiers for inbounds). API cpu / PG cpu: CPU ms per request of the API process / of its PostgreSQL backends.',
      );
      log('other: cores busy with anything else on the machine during the case (other jobs, PG parallel workers).');
      log(
        `Seed: ${fmt(seeded.totalMs / 1000)} s for ${TICKETS.toLocaleString('en')} tickets (target < ${SEED_TARGET_S} s): ${seedPass ? 'PASS' : 'FAIL'}`,
      );
      log(
        `API peak RSS: ${fmt(Math.max(memory.hwmKb || 0, memory.peakRssKb || 0) / 1024)} MiB (VmHWM ${fmt(memory.hwmKb / 1024)} MiB, current ${fmt(memory.rssKb / 1024)} MiB)`,
      );
      log(
        `Counters after the load (PATCH/POST included): ${postMismatches} tickets differ from their real counts/sums.`,
      );
      const busy = results.filter((r) => r.cpu.otherCores > 0.25).map((r) => r.name);
      if (busy.length > 0) {
        log(
          `NOTE: "other" > 0.25 core during ${busy.length} case(s): other jobs on the machine (the figures are then ` +
            'pessimistic) or PostgreSQL parallel workers of the summary queries (a real cost of the endpoint).',
        );
      }
      const failed = results.filter((r) => r.verdict === 'FAIL').map((r) => r.name);
      if (!seedPass) failed.unshift('seed time');
      log(failed.length === 0 ? 'All targets met.' : `Targets MISSED (${failed.length}): ${failed.join('; ')}`);
      writeFileSync(join(outDir, 'plans.txt'), plans.join('\n'));
      writeFileSync(join(outDir, 'results.json'), JSON.stringify({ seeded, results, memory }, null, 2));
      log(`Plans (EXPLAIN ANALYZE, BUFFERS) and raw results: ${outDir}`);
      log(`Total bench time ${fmt((Date.now() - started) / 1000, 0)} s.`);
    } finally {
      await db.end();
    }
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  console.error(`\nBench failed: ${error instanceof Error ? error.stack : error}`);
  process.exitCode = 1;
});
