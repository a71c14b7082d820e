import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { type AppConfig, loadConfig } from '../../src/config/app-config';
import { createTestDatabase, type TestDatabase } from '../setup/test-database';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** Boots the real application (all modules, guards, pipes) on a private copy of the migrated database. */
export async function createTestApp(
  env: Record<string, string> = {},
  overrides: Partial<AppConfig> = {},
): Promise<TestApp> {
  const db: TestDatabase = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
    MIGRATIONS_RUN: 'false',
    RATE_LIMIT_PER_MINUTE: '1000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    ...(db.databaseUrl
      ? { DATABASE_URL: db.databaseUrl, DATABASE_POOL_SIZE: '20' }
      : { PGLITE_DATA_DIR: db.pgliteDataDir! }),
    ...env,
  });
  const app = await createApp({ ...config, ...overrides });
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    dataSource: app.get<DataSource>(getDataSourceToken()),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
