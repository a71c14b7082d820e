// One size of `npm run bench`: a fresh database, the built API twice on it (read cache on, and off), the seed, every
// case (the cacheable ones on both processes), the size's table. The database is dropped and the APIs stopped after.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { benchCases } from './cases.mjs';
import { captureListingSql, explainStatements } from './listing-sql.mjs';
import { liveTraffic } from './live.mjs';
import { loadCase } from './load.mjs';
import { fmt, printTable } from './report.mjs';
import { counterMismatches, seed } from './seed.mjs';
import { api, freePort, startApi } from './server.mjs';

/** The API processes of one size: `cached` (the default read cache) and `uncached` (READ_CACHE_TTL_MS=0). */
async function startApis(url) {
  const appSecret = randomBytes(16).toString('hex');
  const env = {
    WHATSAPP_APP_SECRET: appSecret, // the live-traffic case signs its Cloud API webhooks with it
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(36).toString('base64url'), // 48 characters; both processes accept the same sessions
    ENCRYPTION_KEY: randomBytes(36).toString('base64url'), // required in production by newer builds
    LOG_LEVEL: 'warn',
    // One client sends everything: per-client limits would only measure the 429 path.
    RATE_LIMITS_ENABLED: 'false',
    MIGRATIONS_RUN: 'true',
  };
  const cached = await startApi({ databaseUrl: url, port: await freePort(), env });
  // Started once the first one migrated; its workers stay off, so the cached process does the same work as before.
  const uncached = await startApi({
    databaseUrl: url,
    port: await freePort(),
    env: {
      ...env,
      READ_CACHE_TTL_MS: '0',
      WEBHOOK_WORKER_ENABLED: 'false',
      REPLIES_WORKER_ENABLED: 'false',
      CONVERSIONS_WORKER_ENABLED: 'false',
    },
  }).catch(async (error) => {
    await cached.stop();
    throw error;
  });
  return { cached, uncached, appSecret, stop: () => Promise.all([cached.stop(), uncached.stop()]) };
}

/** Organization, owner, agents and a WhatsApp instance, through the API. */
async function register(baseUrl, stamp) {
  const email = `bench-${stamp}@bench.whatrack.test`;
  const session = await api(baseUrl, 'POST', '/auth/register', {
    body: { organizationName: 'Bench Org', name: 'Dona Bench', email, password: 'bench-password-123' },
  });
  const token = session.accessToken;
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
  return { token, org: session.organization.id, instance };
}

async function seedOrganization(db, url, { org, instance, tickets, leads, seedTargetS, log }) {
  const stages = (
    await db.query(
      'SELECT id, name, is_closed AS "isClosed" FROM ticket_stages WHERE organization_id = $1 ORDER BY position',
      [org],
    )
  ).rows;
  if (stages.length < 3) throw new Error(`expected the 3 default stages, found ${stages.length}`);
  const users = (
    await db.query(`SELECT id, name FROM users WHERE organization_id = $1 ORDER BY role = 'owner' DESC, name`, [org])
  ).rows;
  log(`\nSeeding ${tickets.toLocaleString('en')} tickets / ${leads.toLocaleString('en')} leads (bulk SQL)...`);
  const seeded = await seed(url, { org, instanceId: instance.id, stages, users, tickets, leads, now: new Date() }, log);
  for (const [label, ms] of seeded.timings) log(`  ${label.padEnd(58)} ${fmt(ms / 1000)} s`);
  log(
    `  rows: ${Object.entries(seeded.counts)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}`,
  );
  log(
    `  cores used while seeding: PostgreSQL (seed sessions) ${fmt(seeded.cpu.pgCores, 2)}, ` +
      `other processes ${fmt(seeded.cpu.otherCores, 2)} (incl. PG parallel index builds), idle ${fmt(seeded.cpu.idleCores, 2)}`,
  );
  log(
    `  foreign keys: ${seeded.fkTriggers ? 'checked row by row (not a superuser)' : 'per-row triggers off while loading'}; ` +
      `${seeded.integrity.checked} constraints verified afterwards, violations: ${seeded.integrity.violations.length === 0 ? 'none' : seeded.integrity.violations.join(', ')}`,
  );
  const seedPass = seeded.totalMs / 1000 < seedTargetS;
  log(
    `  seed total ${fmt(seeded.totalMs / 1000)} s (inserts ${fmt(seeded.insertMs / 1000)} s + VACUUM ANALYZE) — target < ${seedTargetS} s: ${seedPass ? 'PASS' : 'FAIL'}`,
  );
  log(`  tickets whose counters differ from the real counts/sums: ${await counterMismatches(db, org)}`);
  return { seeded, seedPass, stages, users };
}

/** Runs one case on one API process; `pgTimes` are the statements' PostgreSQL times (listing cases). */
async function measure(c, name, server, db, pgTimes, options) {
  const pgPids = async () =>
    (
      await db.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')
    ).rows.map((r) => r.pid);
  const r = await loadCase({
    url: server.baseUrl,
    connections: options.connections,
    warmup: options.warmup,
    duration: options.duration,
    requests: c.requests,
    apiPid: server.pid,
    pgPids,
    // The server's whole WAL position: other databases' writes count too (an otherwise idle server is assumed).
    walBytes: async () =>
      Number((await db.query("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::text AS b")).rows[0].b),
  });
  const checks = [];
  if (c.target.p95) checks.push(r.p95 < c.target.p95);
  if (c.target.rps) checks.push(r.rps >= c.target.rps);
  if (r.non2xx > 0 || r.errors > 0) checks.push(false);
  const verdict = checks.length === 0 ? (r.non2xx || r.errors ? 'FAIL' : '-') : checks.every(Boolean) ? 'PASS' : 'FAIL';
  const pg = pgTimes?.map(({ label, executionMs, planningMs }) => ({ label, executionMs, planningMs })) ?? null;
  const pgText = pgTimes ? pgTimes.map((e) => `${e.label} ${fmt(e.executionMs, 2)}`).join(', ') : '-';
  options.log(
    `  ${name.padEnd(58)} p50 ${fmt(r.p50).padStart(6)}  p95 ${fmt(r.p95).padStart(6)}  p99 ${fmt(r.p99).padStart(6)} ms  ` +
      `${fmt(r.rps, 0).padStart(5)} req/s  non-2xx ${r.non2xx}${r.errors ? ` errors ${r.errors}` : ''}  ${verdict}`,
  );
  options.log(
    `      pg exec ms: ${pgText}  |  CPU per request: API ${fmt(r.cpu.apiMsPerRequest, 2)} ms, PG ${fmt(r.cpu.pgMsPerRequest, 2)} ms  |  ` +
      `cores used: API ${fmt(r.cpu.apiCores, 2)}, PG ${fmt(r.cpu.pgCores, 2)}, autocannon ${fmt(r.cpu.benchCores, 2)}, ` +
      `other ${fmt(r.cpu.otherCores, 2)}, idle ${fmt(r.cpu.idleCores, 2)}` +
      (r.walBytesPerRequest >= 1 ? `  |  WAL ${fmt(r.walBytesPerRequest / 1024, 1)} kB per request` : ''),
  );
  if (r.non2xx > 0) options.log(`      statuses: ${JSON.stringify(r.statuses)}; first: ${r.errorSamples.join(' | ')}`);
  return { name, ...r, pg, target: c.target, verdict };
}

const LIVE_CASE = 'GET /tickets mix, live webhooks [uncached]';

/**
 * The listing mix on the uncached API while webhooks arrive; its verdict needs every message, an exact summary and
 * exact attribution totals.
 */
async function measureLive({ db, org, token, apis, stageId, options }) {
  const { log } = options;
  const live = await liveTraffic({
    db,
    org,
    token,
    cached: apis.cached,
    uncached: apis.uncached,
    stageId,
    appSecret: apis.appSecret,
    rate: options.liveRate,
    options,
  });
  const r = live.load;
  const complete = live.processed >= live.fed.sent && live.fed.refused === 0 && live.failed === 0;
  const exact = live.summary.equal && live.report.equal;
  const pass = r.p95 < options.targets.LISTING_P95_MS && r.non2xx === 0 && complete && exact;
  log(
    `  ${LIVE_CASE.padEnd(58)} p50 ${fmt(r.p50).padStart(6)}  p95 ${fmt(r.p95).padStart(6)}  p99 ${fmt(r.p99).padStart(6)} ms  ` +
      `${fmt(r.rps, 0).padStart(5)} req/s  non-2xx ${r.non2xx}  ${pass ? 'PASS' : 'FAIL'}`,
  );
  log(
    `      webhooks: ${live.fed.sent} sent in ${fmt(live.fed.seconds)} s (${fmt(live.fed.sent / live.fed.seconds, 0)}/s, ` +
      `${live.fed.newLeads} new leads), ${live.fed.refused} refused, ${live.processed} processed, ${live.failed} failed`,
  );
  log(
    `      summary after the run: API ${JSON.stringify(live.summary.shown)} vs recount ${JSON.stringify(live.summary.counted)}: ` +
      `${live.summary.equal ? 'equal' : 'DIFFERENT'}`,
  );
  log(
    `      attribution totals: API ${JSON.stringify(live.report.shown)} vs recount ${JSON.stringify(live.report.counted)}: ` +
      `${live.report.equal ? 'equal' : 'DIFFERENT'}`,
  );
  return {
    name: LIVE_CASE,
    ...r,
    pg: null,
    target: { p95: options.targets.LISTING_P95_MS },
    verdict: pass ? 'PASS' : 'FAIL',
  };
}

/**
 * Measures one size. `database`: { url, drop } of a fresh database; `options`: tickets, leads, seedTargetS,
 * connections, warmup, duration, only (case name substrings), stamp, log, onStop (registers a cleanup for Ctrl-C).
 */
export async function benchSize(database, pgClient, options) {
  const { log } = options;
  const apis = await startApis(database.url);
  options.onStop(apis.stop);
  try {
    const { cached, uncached } = apis;
    log(
      `API up at ${cached.baseUrl} (pid ${cached.pid}, RSS ${fmt(cached.memory().rssKb / 1024)} MiB); ` +
        `uncached API (READ_CACHE_TTL_MS=0) at ${uncached.baseUrl} (pid ${uncached.pid}).`,
    );
    const { token, org, instance } = await register(cached.baseUrl, options.stamp);
    const db = await pgClient(database.url);
    try {
      const { seeded, seedPass, stages, users } = await seedOrganization(db, database.url, {
        org,
        instance,
        ...options,
      });
      const cases = (await benchCases({ db, org, token, stages, users, instance, targets: options.targets })).filter(
        (c) => options.only.length === 0 || options.only.some((o) => c.name.includes(o)),
      );
      const plans = [];
      const results = [];
      log(
        `\nLoad: ${options.connections} connections, ${options.warmup} s warm-up (excluded) + ${options.duration} s per case. ` +
          `Load average ${loadavg()
            .map((l) => l.toFixed(2))
            .join(' ')}.`,
      );
      for (const c of cases) {
        let pgTimes = null;
        if (c.kind) {
          pgTimes = await explainStatements(db, await captureListingSql(db, org, c.kind, c.query));
          plans.push(
            `### ${c.name}\n${pgTimes.map((e) => `-- ${e.label} (params ${JSON.stringify(e.params)})\n${e.sql}\n\n${e.textPlan}\n`).join('\n')}`,
          );
        }
        if (!c.cacheable) {
          results.push(await measure(c, c.name, cached, db, pgTimes, options));
          continue;
        }
        results.push(await measure(c, `${c.name} [cached]`, cached, db, pgTimes, options));
        results.push(await measure(c, `${c.name} [uncached]`, uncached, db, pgTimes, options));
      }
      if (options.only.length === 0 || options.only.some((o) => LIVE_CASE.includes(o))) {
        results.push(await measureLive({ db, org, token, apis, stageId: stages[1].id, options }));
      }
      const memory = cached.memory();
      const postMismatches = await counterMismatches(db, org);
      printTable(log, results);
      log(
        `Seed: ${fmt(seeded.totalMs / 1000)} s for ${options.tickets.toLocaleString('en')} tickets (target < ${options.seedTargetS} s): ${seedPass ? 'PASS' : 'FAIL'}`,
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
      return { size: options.tickets, seeded, results, memory, plans };
    } finally {
      await db.end();
    }
  } finally {
    await apis.stop();
  }
}
