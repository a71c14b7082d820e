// The built API (dist/main.js) as a child process, and a small JSON client for it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const API_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The build under test: apps/api/dist, or BENCH_API_DIST (e.g. a patched copy, to measure a proposed change). */
export const DIST_DIR = process.env.BENCH_API_DIST ? resolve(process.env.BENCH_API_DIST) : resolve(API_DIR, 'dist');

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** kB values of /proc/<pid>/status (VmRSS, VmHWM), or null when the process is gone. */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** Starts `node dist/main.js`; resolves once GET /api/v1/health answers 200. */
export async function startApi({ databaseUrl, port, env = {} }) {
  const child = spawn(process.execPath, [resolve(DIST_DIR, 'main.js')], {
    cwd: API_DIR,
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = [];
  const keep = (chunk) => {
    tail.push(...chunk.toString().split('\n').filter(Boolean));
    if (tail.length > 40) tail.splice(0, tail.length - 40);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exit = new Promise((resolveExit) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolveExit(exited);
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`The API exited during start-up (${JSON.stringify(exited)}):\n${tail.join('\n')}`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The API did not become healthy within 60 s:\n${tail.join('\n')}`);
    await new Promise((r) => setTimeout(r, 200));
  }

  // Peak RSS: VmHWM at the end, and our own sampling of VmRSS meanwhile.
  let peakRssKb = 0;
  const sampler = setInterval(() => {
    const mem = memoryOf(child.pid);
    if (mem && mem.rssKb > peakRssKb) peakRssKb = mem.rssKb;
  }, 250);
  sampler.unref();

  return {
    baseUrl,
    pid: child.pid,
    logTail: () => tail.join('\n'),
    memory: () => {
      const mem = memoryOf(child.pid);
      if (mem && mem.rssKb > peakRssKb) peakRssKb = mem.rssKb;
      return { ...mem, peakRssKb };
    },
    async stop() {
      clearInterval(sampler);
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** fetch + JSON, throwing with the response body on non-2xx. */
export async function api(baseUrl, method, path, { token, body } = {}) {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}
