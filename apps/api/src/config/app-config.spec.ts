import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const dataDir = () => join(mkdtempSync(join(tmpdir(), 'cfg-')), 'pglite');

describe('loadConfig', () => {
  it('applies defaults: port 3000, embedded database, a generated development secret that is kept', () => {
    const dir = dataDir();
    const config = loadConfig({ PGLITE_DATA_DIR: dir });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: null,
      logLevel: 'info',
      migrationsRun: true,
    });
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ PGLITE_DATA_DIR: dir }).jwtSecret).toBe(config.jwtSecret);
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@y/z' })).toThrow(
      /JWT_SECRET is required/,
    );
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        CORS_ORIGINS: 'not a url',
        JWT_SECRET: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const key of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'CORS_ORIGINS', 'JWT_SECRET'])
      expect(message).toContain(key);
  });

  it('parses lists and booleans', () => {
    const config = loadConfig({
      PGLITE_DATA_DIR: dataDir(),
      CORS_ORIGINS: 'https://a.com, http://localhost:5173',
      MIGRATIONS_RUN: 'false',
      PUBLIC_URL: 'https://app.example.com/',
    });
    expect(config.corsOrigins).toEqual(['https://a.com', 'http://localhost:5173']);
    expect(config.migrationsRun).toBe(false);
    expect(config.publicUrl).toBe('https://app.example.com');
  });

  it('keeps organizations off private networks unless ALLOW_PRIVATE_NETWORK_TARGETS says otherwise', () => {
    expect(loadConfig({ PGLITE_DATA_DIR: dataDir() }).allowPrivateNetworkTargets).toBe(false);
    const lan = loadConfig({ PGLITE_DATA_DIR: dataDir(), ALLOW_PRIVATE_NETWORK_TARGETS: 'true' });
    expect(lan.allowPrivateNetworkTargets).toBe(true);
    expect(() => loadConfig({ PGLITE_DATA_DIR: dataDir(), ALLOW_PRIVATE_NETWORK_TARGETS: 'sometimes' })).toThrow(
      /ALLOW_PRIVATE_NETWORK_TARGETS/,
    );
  });

  it('reads trusted proxies and database budgets, refusing what cannot work', () => {
    const config = loadConfig({
      PGLITE_DATA_DIR: dataDir(),
      TRUSTED_PROXIES: 'loopback, 10.0.0.0/8',
      DATABASE_POOL_SIZE: '12',
      LISTING_STATEMENT_TIMEOUT_MS: '2500',
    });
    expect(config.trustedProxies).toEqual(['loopback', '10.0.0.0/8']);
    expect(config.heavyReadConcurrency).toBe(6);
    expect(config.statementTimeouts).toEqual({ default: 5000, listing: 2500, report: 15000, export: 15000 });
    expect(() => loadConfig({ PGLITE_DATA_DIR: dataDir(), TRUSTED_PROXIES: 'not-an-address' })).toThrow(
      /TRUSTED_PROXIES/,
    );
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://x@y/z', DATABASE_POOL_SIZE: '4', HEAVY_READ_CONCURRENCY: '4' }),
    ).toThrow(/HEAVY_READ_CONCURRENCY/);
  });
});
