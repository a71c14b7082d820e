import type { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

const common = {
  type: 'postgres' as const,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  namingStrategy: new SnakeNamingStrategy(),
  synchronize: false,
  migrationsRun: false,
  migrationsTableName: 'typeorm_migrations',
  // Extensions are created by migrations; uuids come from the built-in gen_random_uuid().
  installExtensions: false,
  uuidExtension: 'pgcrypto' as const,
};

export function postgresOptions(url: string, poolSize = 10): DataSourceOptions {
  return { ...common, url, poolSize, extra: { connectionTimeoutMillis: 10_000 } };
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
    extra: { connection: cfg.connection, idleTimeoutMillis: 0 },
  };
}
