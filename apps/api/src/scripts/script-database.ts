import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { pgliteOptions, postgresOptions } from '../database/data-source-options';
import { openPglite } from '../database/pglite';

export interface ScratchDatabase {
  dataSource: DataSource;
  label: string;
  /** The connection URL, for tools that connect on their own (PostgreSQL only). */
  url: string | null;
  dispose(): Promise<void>;
}

/**
 * An empty database for schema tooling: a new database on the server of DATABASE_URL (dropped afterwards),
 * or an in-memory PGlite when DATABASE_URL is unset.
 */
export async function openScratchDatabase(): Promise<ScratchDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const pglite = await openPglite('memory://');
    const dataSource = new DataSource(pgliteOptions(pglite));
    await dataSource.initialize();
    return {
      dataSource,
      label: 'embedded PGlite (in memory)',
      url: null,
      dispose: async () => {
        await dataSource.destroy();
        await pglite.close();
      },
    };
  }
  const name = `whatrack_scratch_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${name}`;
  const dataSource = new DataSource(postgresOptions(scratchUrl.toString(), 2));
  await dataSource.initialize();
  return {
    dataSource,
    label: `PostgreSQL scratch database ${name}`,
    url: scratchUrl.toString(),
    dispose: async () => {
      await dataSource.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}

/** SQL that would bring the migrated schema in line with the entities (empty when they agree). */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return { up: log.upQueries.map((q) => q.query), down: log.downQueries.map((q) => q.query) };
}
