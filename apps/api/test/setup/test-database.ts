import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Shared between the global setup (parent process) and the test files (workers) through the environment. */
export const TEMPLATE_ENV = 'WHATRACK_TEST_TEMPLATE';

export function adminUrl(): string | null {
  return process.env.DATABASE_URL?.trim() || null;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl() ?? undefined });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  /** Either a PostgreSQL URL or a PGlite data directory. */
  databaseUrl: string | null;
  pgliteDataDir: string | null;
  drop(): Promise<void>;
}

/**
 * A private database for one test file, copied from the migrated template: a new PostgreSQL database
 * created WITH TEMPLATE, or a copy of the template PGlite directory. Files can run in parallel.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error(`${TEMPLATE_ENV} is not set: run the tests through jest (globalSetup)`);
  const url = adminUrl();
  if (url) {
    const name = `whatrack_test_${randomBytes(5).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    return {
      databaseUrl: withDatabase(url, name),
      pgliteDataDir: null,
      drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'whatrack-test-'));
  const dataDir = join(dir, 'pglite');
  cpSync(template, dataDir, { recursive: true });
  return {
    databaseUrl: null,
    pgliteDataDir: dataDir,
    drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}
