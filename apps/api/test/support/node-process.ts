import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** stdout and stderr, interleaved. */
  output: string;
}

/** The built API (`npm run build`): these tests run its scripts as real processes. */
export function apiDist(): string {
  const dist = resolve(dirname(expect.getState().testPath!), '../../dist');
  if (!existsSync(join(dist, 'main.js'))) throw new Error(`${dist} is missing: run \`npm run build\` first`);
  return dist;
}

/** The test's environment without DATABASE_URL, so a child uses the embedded PGlite even on PostgreSQL runs. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, ...env };
}

function collect(child: ChildProcess): () => string {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return () => output;
}

/** Runs `node <args>` to its end; one still running after timeoutMs is killed (and reported with its signal). */
export function runNode(args: string[], env: Record<string, string>, timeoutMs: number): Promise<Finished> {
  const child = spawn(process.execPath, args, { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collect(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, output: output() });
    });
  });
}

/** Starts `node -e <script>` and resolves once it prints `ready`; `exited` resolves when it is gone. */
export async function startNode(
  script: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<{ child: ChildProcess; exited: Promise<Finished> }> {
  const child = spawn(process.execPath, ['-e', script], { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collect(child);
  const exited = new Promise<Finished>((resolvePromise) =>
    child.on('close', (code, signal) => resolvePromise({ code, signal, output: output() })),
  );
  const ready = new Promise<void>((resolvePromise) =>
    child.stdout.on('data', () => {
      if (/^ready$/m.test(output())) resolvePromise();
    }),
  );
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`not ready after ${timeoutMs} ms:\n${output()}`)), timeoutMs).unref(),
  );
  const gone = exited.then((f) => Promise.reject(new Error(`exited before ready (${f.code}):\n${f.output}`)));
  await Promise.race([ready, timeout, gone]);
  return { child, exited };
}
