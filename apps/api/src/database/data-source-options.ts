import type { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { GuardedClient } from '../common/db/guarded-client';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { PG_TYPES } from './pg-types';

const common = {
  type: 'postgres' as const,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  namingStrategy: new SnakeNamingStrategy(),
  synchronize: false,
  migrationsRun: false,
  migrationsTableName: 'typeorm_migrations',
  // Extensions are created by migrations; ids come from uuid_v7() (TimeOrderedIds), built on gen_random_uuid().
  installExtensions: false,
  uuidExtension: 'pgcrypto' as const,
};

/** No statement of any connection runs longer than this on the server, whoever sent it (workers included). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

export function postgresOptions(
  url: string,
  poolSize = 10,
  statementTimeoutMs = DEFAULT_STATEMENT_TIMEOUT_MS,
): DataSourceOptions {
  return {
    ...common,
    url,
    poolSize,
    extra: {
      Client: GuardedClient,
      types: PG_TYPES,
      cancellable: true,
      connectionTimeoutMillis: 10_000,
      // Sent at connection start: the server enforces it even if this process stalls.
      statement_timeout: statementTimeoutMs,
      // A transaction left open by a bug or a stalled process must not hold its locks for ever.
      idle_in_transaction_session_timeout: 60_000,
    },
  };
}

/**
 * PGlite is one in-process session: TypeORM gets a pool of one connection, so code inside a transaction
 * must use the transaction's manager (a global repository there would wait for the pool forever).
 */
export function pgliteOptions(pglite: PGlite): DataSourceOptions {
  const cfg = createPgConfig(pglite);
  return {
    ...common,
    host: cfg.host,
    port: cfg.port,
    username: cfg.user,
    password: cfg.password,
    database: cfg.database,
    poolSize: 1,
    extra: { Client: GuardedClient, types: PG_TYPES, connection: cfg.connection, idleTimeoutMillis: 0 },
  };
}
