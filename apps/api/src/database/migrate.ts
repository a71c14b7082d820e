import { DataSource, MigrationExecutor } from 'typeorm';

const MIGRATION_LOCK_KEY = 727_274_001;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so several API replicas can boot at
 * once and exactly one of them migrates. The lock and the migrations share one connection (PGlite has one).
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    // Index builds on a large table outlast any statement budget, and so does waiting for another replica's
    // migrations; the connection's own setting comes back after.
    await runner.query('SET statement_timeout = 0');
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      const done = await executor.executePendingMigrations();
      return done.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      await runner.query('RESET statement_timeout');
    }
  } finally {
    await runner.release();
  }
}
