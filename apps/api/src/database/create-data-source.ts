import type { PGlite } from '@electric-sql/pglite';
import type { LoggerService } from '@nestjs/common';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { pgliteOptions, postgresOptions } from './data-source-options';
import { runMigrations } from './migrate';
import { openPglite } from './pglite';

/** A DataSource that owns its embedded database and closes it after itself. */
export class EmbeddedDataSource extends DataSource {
  constructor(
    options: DataSourceOptions,
    /** The embedded instance itself (the event bus LISTENs on it). */
    readonly pglite: PGlite,
  ) {
    super(options);
  }

  override async destroy(): Promise<void> {
    await super.destroy();
    await this.closeEmbedded();
  }

  /** Closes PGlite (and so releases its data directory's lock). */
  async closeEmbedded(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Connects to PostgreSQL (DATABASE_URL) or the embedded PGlite, then runs pending migrations when enabled. */
export async function createDataSource(
  config: AppConfig,
  logger: LoggerService,
  options: { runMigrations?: boolean } = {},
): Promise<DataSource> {
  let dataSource: DataSource;
  if (config.databaseUrl) {
    logger.log(`Using PostgreSQL at ${redact(config.databaseUrl)}`);
    dataSource = new DataSource(
      postgresOptions(config.databaseUrl, config.databasePoolSize, config.databaseStatementTimeoutMs),
    );
  } else {
    logger.log(`DATABASE_URL is not set: using the embedded PostgreSQL (PGlite) in ${config.pgliteDataDir}`);
    const pglite = await openPglite(config.pgliteDataDir);
    dataSource = new EmbeddedDataSource(pgliteOptions(pglite), pglite);
  }
  try {
    await dataSource.initialize();
    if (options.runMigrations ?? config.migrationsRun) {
      const applied = await runMigrations(dataSource);
      logger.log(applied.length > 0 ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
    }
  } catch (error) {
    // Close what was opened, so the embedded database's lock is free again for a retry or another process;
    // the error to report is the first one.
    const close = dataSource.isInitialized
      ? dataSource.destroy()
      : dataSource instanceof EmbeddedDataSource
        ? dataSource.closeEmbedded()
        : Promise.resolve();
    await close.catch(() => undefined);
    throw error;
  }
  return dataSource;
}
