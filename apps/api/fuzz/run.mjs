// `npm run fuzz` (in apps/api, after `npm run build`): spec-driven HTTP fuzzing of the built API on a fresh
// database. Reads openapi.json, sends valid and mutated requests for every operation as owner, agent, API key and
// anonymous, and fails (exit 1) on any 5xx, unanswered request, or error body outside the documented shape.
// Environment: see fuzz/README.md.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setUpAccounts } from './lib/accounts.mjs';
import { extraOperations } from './lib/cases.mjs';
import { freshDatabase } from './lib/database.mjs';
import { createFindings, explain, readServerLog } from './lib/findings.mjs';
import { createClient } from './lib/http.mjs';
import { IdPool } from './lib/ids.mjs';
import { createRng } from './lib/prng.mjs';
import { printStats, reportFindings } from './lib/report.mjs';
import { startFakeGraph } from './lib/fake-graph.mjs';
import { API_DIR, DIST_MAIN, startApi } from './lib/server.mjs';
import { readSpec } from './lib/spec.mjs';
import { runFuzz } from './lib/runner.mjs';
import { afterRun } from './lib/after-run.mjs';

const env = process.env;
const limits = {
  maxRequests: Number(env.FUZZ_MAX_REQUESTS ?? 12_000),
  maxSeconds: Number(env.FUZZ_MAX_SECONDS ?? 300),
  concurrency: Number(env.FUZZ_CONCURRENCY ?? 6),
  timeoutMs: Number(env.FUZZ_TIMEOUT_MS ?? 30_000),
};
const seed = env.FUZZ_SEED ?? '1';
// Ctrl-C ends the run like a spent budget, so the report is printed and the database still dropped.
process.once('SIGINT', () => {
  limits.interrupted = true;
});
const keep = env.FUZZ_KEEP === '1';

async function main() {
  if (!existsSync(DIST_MAIN)) throw new Error(`${DIST_MAIN} is missing: run \`npm run build\` first`);
  const runDir = join(tmpdir(), `whatrack-fuzz-${Date.now()}`);
  mkdirSync(runDir, { recursive: true });
  const spec = readSpec(resolve(API_DIR, 'openapi.json'));
  const only = env.FUZZ_OPERATIONS?.split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const operations = [...spec.operations, ...extraOperations()].filter(
    (op) => !only || only.some((s) => op.id.toLowerCase().includes(s) || op.key.toLowerCase().includes(s)),
  );
  const rng = createRng(seed);
  const secrets = {
    cloudSecret: randomBytes(16).toString('hex'),
    verifyToken: randomBytes(8).toString('hex'),
    cloudPhoneNumberId: `1${rng.digits(14)}`,
  };
  console.log(
    `Fuzzing ${operations.length} operations, seed ${JSON.stringify(seed)}, at most ${limits.maxRequests} requests / ${limits.maxSeconds} s, ${limits.concurrency} at a time`,
  );
  console.log(`Run directory: ${runDir}`);

  const database = await freshDatabase({ pglite: env.FUZZ_PGLITE === '1', runDir, keep });
  console.log(`Database: ${database.label}`);
  let server;
  let client;
  const graph = await startFakeGraph();
  try {
    const bootStarted = Date.now();
    server = await startApi({
      logFile: join(runDir, 'server.log'),
      env: {
        ...database.env,
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(36).toString('base64'),
        ENCRYPTION_KEY: randomBytes(36).toString('base64'),
        LOG_LEVEL: env.FUZZ_LOG_LEVEL ?? 'warn',
        // Async stacks are cut at 10 frames by default, often before the first frame of the API's own code.
        NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --stack-trace-limit=40`.trim(),
        // One client sends everything: rate limits would turn most of the run into 429s.
        RATE_LIMITS_ENABLED: 'false',
        WHATSAPP_APP_SECRET: secrets.cloudSecret,
        WHATSAPP_VERIFY_TOKEN: secrets.verifyToken,
        WEBHOOK_WORKER_ENABLED: 'true',
        // Fuzzed Meta settings must never make the server call Meta (or any URL a mutation put there).
        CONVERSIONS_WORKER_ENABLED: 'false',
        META_GRAPH_API_BASE_URL: graph.baseUrl,
        PUBLIC_URL: 'http://fuzz.invalid',
      },
    });
    const pool = new IdPool(rng.fork('ids'));
    const accounts = await setUpAccounts({ baseUrl: server.baseUrl, rng: rng.fork('seed'), ids: pool, ...secrets });
    console.log(
      `API up and seeded in ${((Date.now() - bootStarted) / 1000).toFixed(1)} s (${server.baseUrl}); ids: ${JSON.stringify(pool.summary())}`,
    );

    client = createClient({ baseUrl: server.baseUrl, concurrency: limits.concurrency, timeoutMs: limits.timeoutMs });
    let counter = 0;
    const ctx = {
      rng,
      ...secrets,
      evolutionToken: accounts.evolutionToken,
      evolutionId: accounts.evolutionId,
      unique: () => `${Date.now().toString(36)}${++counter}`,
    };
    const findings = createFindings();
    let analyzer;
    if (database.autovacuumOff) {
      console.log('autovacuum is off on this server: the fuzz database is ANALYZEd every 20 s, as autovacuum would');
      analyzer = setInterval(() => database.analyze().catch(() => undefined), 20_000);
    }
    const result = await runFuzz({
      operations,
      ctx,
      pool,
      client,
      wire: { principals: accounts.principals, cloudSecret: secrets.cloudSecret },
      errorSchema: spec.errorSchema,
      limits,
      findings,
      databaseActivity: database.activity,
      isServerUp: () => !server.exited(),
      onProgress: (p) => console.log(`  ${p.sent} requests, ${p.seconds.toFixed(0)} s, ${p.findings} failures so far`),
    });
    clearInterval(analyzer);
    const after = await afterRun({ server, ownerToken: accounts.ownerToken });
    const totals = printStats(result);
    await server.stop();
    const log = readServerLog(join(runDir, 'server.log'));
    const groups = explain(findings.groups(), log);
    const byKind = reportFindings({ groups, runDir, baseUrl: server.baseUrl });
    after.print(log);
    const summary = {
      seed,
      limits,
      ...result,
      stats: Object.fromEntries(result.stats),
      totals,
      byKind,
      after: after.summary,
    };
    writeFileSync(join(runDir, 'summary.json'), JSON.stringify(summary, null, 2));
    const failed = Object.values(byKind).reduce((a, b) => a + b, 0) + (after.healthy ? 0 : 1);
    console.log(
      `\n${byKind['5xx'] ?? 0} responses 5xx, ${byKind.shape ?? 0} shape violations, ${byKind['no answer'] ?? 0} unanswered requests; health after the run: ${after.healthy ? 'ok' : 'FAILED'}`,
    );
    console.log(`Details: ${join(runDir, 'findings.json')}, server log: ${join(runDir, 'server.log')}`);
    process.exitCode = failed > 0 ? 1 : 0;
  } finally {
    client?.close();
    await server?.stop();
    await graph.stop();
    await database.drop();
    if (!keep) rmSync(join(runDir, 'pglite'), { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
