import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import proxyAddr from 'proxy-addr';

/** Readers of single environment variables; each appends what is wrong to `problems` instead of throwing. */

export function readInt(
  env: NodeJS.ProcessEnv,
  key: string,
  fallback: number,
  problems: string[],
  { allowZero = false } = {},
): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    problems.push(`${key} must be a ${allowZero ? 'non-negative' : 'positive'} integer (got "${raw}")`);
  }
  return value;
}

export function readBool(env: NodeJS.ProcessEnv, key: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[key]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  problems.push(`${key} must be true or false (got "${env[key]}")`);
  return fallback;
}

/** Development has no secret to configure: one is generated once and kept beside the embedded database. */
export function developmentSecret(dataDir: string, fileName: string): string {
  const file = resolve(dirname(dataDir), fileName);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Express's "trust proxy" list compiles with proxy-addr, which throws on anything it cannot read. */
export function trustedProxyProblem(list: string[]): string | null {
  try {
    proxyAddr.compile(list);
    return null;
  } catch (error) {
    return `TRUSTED_PROXIES: ${error instanceof Error ? error.message : String(error)} (IPs, CIDRs, loopback, linklocal, uniquelocal)`;
  }
}
