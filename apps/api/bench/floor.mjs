// The request floor of this machine: how many requests per second the built API answers when each does almost
// nothing (GET /health: one `SELECT 1`; GET /auth/me: JWT check, the per-request user lookup and one read), 16
// connections for 10 s after a 3 s warm-up. Any endpoint's throughput on this machine is below these; used to tell
// a slow path from a saturated machine. `node bench/floor.mjs` (DATABASE_URL: the admin database, default local).
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { api, freePort, startApi } from './lib/server.mjs';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `whatrack_bench_floor_${Date.now()}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
const server = await startApi({
  databaseUrl: url.toString(),
  port: await freePort(),
  env: {
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(36).toString('base64'),
    ENCRYPTION_KEY: randomBytes(36).toString('base64'),
    LOG_LEVEL: 'warn',
    RATE_LIMITS_ENABLED: 'false',
    DATABASE_POOL_SIZE: '24',
  },
});
try {
  const session = await api(server.baseUrl, 'POST', '/auth/register', {
    body: {
      organizationName: 'Floor',
      name: 'Floor',
      email: `floor.${Date.now()}@example.com`,
      password: 'bench-password-1',
    },
  });
  const cases = [
    ['GET /health (no auth)', '/api/v1/health', {}],
    ['GET /auth/me (JWT)', '/api/v1/auth/me', { authorization: `Bearer ${session.accessToken}` }],
  ];
  for (const [label, path, headers] of cases) {
    await autocannon({ url: server.baseUrl + path, connections: 16, duration: 3, headers });
    const r = await autocannon({ url: server.baseUrl + path, connections: 16, duration: 10, headers });
    console.log(`${label}: ${Math.round(r.requests.average)} req/s, p97.5 ${r.latency.p97_5} ms, ${r.non2xx} non-2xx`);
  }
} finally {
  await server.stop();
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
}
