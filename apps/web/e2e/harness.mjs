// Shared plumbing of the browser tests: build check, API process on a fresh database, Chromium, a tiny step runner.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const WEB_DIR = resolve(import.meta.dirname, '..');
export const ROOT = resolve(WEB_DIR, '../..');
const API_MAIN = join(ROOT, 'apps/api/dist/main.js');
const WEB_INDEX = join(WEB_DIR, 'dist/index.html');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The tests run the built API and SPA; a fresh clone gets them built once (every workspace, libs first). */
export function ensureBuilt() {
  if (existsSync(API_MAIN) && existsSync(WEB_INDEX)) return;
  console.log('e2e: apps/api/dist or apps/web/dist is missing: running "npm run build --workspaces"');
  const build = spawnSync('npm', ['run', 'build', '--workspaces', '--if-present'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
}

export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** A database nobody else uses: a new database on DATABASE_URL's server, or a temporary PGlite directory. */
export async function freshDatabase() {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'whatrack-e2e-db-'));
    return {
      env: { PGLITE_DATA_DIR: dir },
      label: `PGlite ${dir}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const { default: pg } = await import('pg');
  const name = `whatrack_e2e_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    label: `PostgreSQL database ${name}`,
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Starts `node apps/api/dist/main.js` serving the SPA (with `extraEnv`), and waits for /api/v1/health. */
export async function startApi(database, extraEnv = {}) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { ...process.env, ...database.env };
  if (!database.env.DATABASE_URL) delete env.DATABASE_URL;
  Object.assign(env, {
    PORT: String(port),
    WEB_DIST_DIR: join(WEB_DIR, 'dist'),
    PUBLIC_URL: baseUrl,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    MIGRATIONS_RUN: 'true',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...extraEnv,
  });
  const child = spawn(process.execPath, [API_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs = [];
  const keep = (chunk) => {
    logs.push(chunk.toString());
    if (logs.length > 400) logs.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const deadline = Date.now() + 120_000;
  for (;;) {
    const early = await Promise.race([exited, new Promise((done) => setTimeout(() => done(null), 300))]);
    if (early) throw new Error(`the API exited (${early.code ?? early.signal}) before answering:\n${logs.join('')}`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API did not answer /api/v1/health in time:\n${logs.join('')}`);
    }
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
    await exited;
    clearTimeout(timer);
  };
  return { baseUrl, stop, logs };
}

/** Chromium from the system (Playwright's own download does not work here), with a throwaway profile. */
export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'whatrack-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs the steps in order; after a failure the later steps (which build on it) are counted as failed too. */
export async function runSteps(steps, { onFailure } = {}) {
  let passed = 0;
  let failed = 0;
  let broken = null;
  for (const [name, run] of steps) {
    if (broken) {
      failed += 1;
      console.log(`✗ ${name} (not run: "${broken}" failed)`);
      continue;
    }
    const started = Date.now();
    try {
      await run();
      passed += 1;
      console.log(`✓ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      broken = name;
      console.log(
        `✗ ${name}\n  ${String(error?.stack ?? error)
          .split('\n')
          .slice(0, 8)
          .join('\n  ')}`,
      );
      await onFailure?.(name);
    }
  }
  return { passed, failed };
}

/** jest-style counts for CI's summary (TEST_REPORT_DIR/<name>.json). */
export function writeReport(name, { passed, failed }) {
  const dir = process.env.TEST_REPORT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const report = { numPassedTests: passed, numFailedTests: failed, numPendingTests: 0, numTodoTests: 0 };
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
}
