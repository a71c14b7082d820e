// A database nobody else uses, so every run starts from the same empty state and leaves nothing behind.
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import pg from 'pg';

const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A new PostgreSQL database on the admin URL's server, or with `pglite` an embedded data directory in `runDir`.
 * Answers the environment for the API (DATABASE_URL or PGLITE_DATA_DIR), a label and `drop()`.
 */
export async function freshDatabase({ pglite, runDir, keep }) {
  if (pglite) {
    const dataDir = join(runDir, 'pglite');
    return {
      label: `PGlite in ${dataDir}`,
      env: { DATABASE_URL: '', PGLITE_DATA_DIR: dataDir },
      drop: async () => {
        if (!keep) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `whatrack_fuzz_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    label: `PostgreSQL database ${name}`,
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      if (keep) return;
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
