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
      activity: async () => null,
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
  const autovacuum = (await admin.query('SHOW autovacuum')).rows[0].autovacuum;
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    label: `PostgreSQL database ${name}`,
    env: { DATABASE_URL: url.toString() },
    autovacuumOff: autovacuum === 'off',
    /**
     * ANALYZE, for servers that run without autovacuum: with no statistics at all the planner picks nested loops
     * that take tens of seconds on a thousand rows, a timeout no production database (autovacuum on) would see.
     */
    analyze: async () => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        await client.query('ANALYZE');
      } finally {
        await client.end();
      }
    },
    /** What the API's connections are doing: attached to a request that got no answer, to tell a lock from a loop. */
    activity: async () => {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        const { rows } = await client.query(
          `SELECT pid, state, wait_event_type, wait_event, round(extract(epoch FROM now() - query_start))::int AS seconds,
                  left(query, 400) AS query
           FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() ORDER BY query_start`,
          [name],
        );
        return rows;
      } finally {
        await client.end();
      }
    },
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
