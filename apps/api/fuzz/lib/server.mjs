// The built API as a child process whose whole output goes to a file: a 5xx is only explained by its log line.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { API_DIR, freePort } from '../../bench/lib/server.mjs';

export { API_DIR };
export const DIST_MAIN = resolve(API_DIR, 'dist/main.js');

export async function startApi({ env, logFile }) {
  const port = await freePort();
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [DIST_MAIN], {
    cwd: API_DIR,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited = null;
  const exit = new Promise((done) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      done(exited);
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error(`The API exited during start-up (${JSON.stringify(exited)}); see ${logFile}`);
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The API did not become healthy within 90 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    port,
    pid: child.pid,
    exited: () => exited,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exit;
        clearTimeout(timer);
      }
      await new Promise((done) => log.end(done));
    },
  };
}
