#!/usr/bin/env node
// Browser tests: the built API (serving the built SPA) on a fresh database, driven through Debian's Chromium.
// Prints "N passed, N failed" last; exits non-zero on any failure; always stops the API and drops the database.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeGraph } from './fake-graph.mjs';
import { ensureBuilt, freshDatabase, launchBrowser, runSteps, startApi, writeReport } from './harness.mjs';
import { mediaSteps } from './media-steps.mjs';
import { realtimeSteps } from './realtime-steps.mjs';
import { replicaSteps } from './replica-steps.mjs';
import { replySteps } from './reply-steps.mjs';
import { scenario } from './scenario.mjs';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  // Installs Debian's Chromium when running as root (CI, containers); elsewhere it explains how to install it.
  const script = resolve(dirname(fileURLToPath(import.meta.url)), '../../../scripts/ensure-chromium.sh');
  spawnSync('bash', [script], { stdio: 'inherit' });
}
if (!existsSync(chromiumPath)) {
  const message = `e2e: Chromium not found at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  // CI must run the browser tests; a developer machine without a browser skips them, saying so.
  if (process.env.CI) {
    console.error(message);
    process.exit(1);
  }
  console.log(`${message}: browser tests skipped.`);
  process.exit(0);
}

let result = { passed: 0, failed: 1 };
let database;
let api;
let replica;
let browser;
let graph;

// Interrupted (Ctrl+C, CI timeout): still stop the API and drop the database.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await browser?.close();
    await replica?.stop();
    await api?.stop();
    await graph?.stop();
    await database?.drop().catch(() => undefined);
    process.exit(130);
  });
}
try {
  ensureBuilt();
  database = await freshDatabase();
  // Replies go to a fake Graph API on loopback; Cloud API webhooks are signed with this run's app secret.
  graph = await startFakeGraph();
  const appSecret = randomBytes(24).toString('hex');
  const apiEnv = {
    META_GRAPH_API_BASE_URL: graph.base,
    WHATSAPP_APP_SECRET: appSecret,
    // The fake Graph API hands out media URLs on loopback, which provider-supplied URLs may not name otherwise.
    ALLOW_PRIVATE_NETWORK_TARGETS: 'true',
    // Both processes accept the same sessions.
    JWT_SECRET: randomBytes(48).toString('base64url'),
  };
  api = await startApi(database, apiEnv);
  console.log(`e2e: API on ${api.baseUrl} (${database.label})`);
  // On PostgreSQL a second process on the same database, with its workers off: what A writes or processes, B shows.
  if (database.env.DATABASE_URL) {
    replica = await startApi(database, {
      ...apiEnv,
      WEBHOOK_WORKER_ENABLED: 'false',
      REPLIES_WORKER_ENABLED: 'false',
      CONVERSIONS_WORKER_ENABLED: 'false',
    });
    console.log(`e2e: replica API on ${replica.baseUrl}`);
  }
  browser = await launchBrowser();
  const state = { baseUrl: api.baseUrl, context: browser.context, pageErrors: [], graph, appSecret };
  const steps = [...scenario(state), ...replySteps(state), ...mediaSteps(state), ...realtimeSteps(state)];
  if (replica) steps.push(...replicaSteps({ ...state, replicaUrl: replica.baseUrl }));
  result = await runSteps(steps, {
    onFailure: async () => {
      const page = browser.context.pages().at(-1);
      const file = join(tmpdir(), 'whatrack-e2e-failure.png');
      await page?.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.log(`  page: ${page?.url()} (screenshot: ${file})`);
    },
  });
  if (result.failed > 0) console.log(`--- last API logs ---\n${api.logs.slice(-40).join('')}`);
} catch (error) {
  console.error(`e2e: could not run the scenario: ${error?.stack ?? error}`);
} finally {
  await browser?.close();
  await replica?.stop();
  await api?.stop();
  await graph?.stop();
  await database?.drop().catch((error) => console.error(`e2e: could not drop the database: ${error}`));
}
writeReport('web-e2e', result);
console.log(`${result.passed} passed, ${result.failed} failed`);
process.exit(result.failed > 0 ? 1 : 0);
