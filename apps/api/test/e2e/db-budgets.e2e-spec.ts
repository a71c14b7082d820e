import { Client } from 'pg';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { runInDbContext } from '../../src/common/db/db-request-context';
import { createInstance, createTicket, registerAccount, uniquePhone, type Account } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

const onPostgres = Boolean(process.env.DATABASE_URL?.trim());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function seedTickets(t: TestApp, owner: Account, count: number): Promise<void> {
  const instance = await createInstance(t, owner);
  for (let i = 0; i < count; i++) {
    await createTicket(t, owner, { lead: { name: `Ana ${i}`, phone: uniquePhone() }, instanceId: instance.id });
  }
}

/** Expensive reads are bounded on every engine: short searches cost what their page costs. */
describe('a burst of one-letter searches', () => {
  let t: TestApp;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp({ READ_CACHE_TTL_MS: '0' });
    owner = await registerAccount(t);
    await seedTickets(t, owner, 30);
  });

  afterAll(async () => {
    await t.close();
  });

  it('leaves health and sign-in answering, and every search answered', async () => {
    const searches = ['a', 'e', 'an', 'a', 'n', 'o', 'i', 'ana', 'a', 'e'].map((q) =>
      t.http.get('/api/v1/tickets').query({ q }).set(owner.bearer),
    );
    const health = await t.http.get('/api/v1/health');
    expect(health.status).toBe(200);
    await t.http.post('/api/v1/auth/login').send({ email: owner.email, password: owner.password }).expect(200);
    const results = await Promise.all(searches);
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(results[0].body.total).toBe(30);
  });
});

/**
 * What only a server with many sessions can show: statements past their route's budget are cancelled on the
 * server, a client that leaves takes its statement with it, and expensive reads never take the whole pool. A
 * table lock held by another session makes the reads wait as long as a test needs. (The embedded PGlite is one
 * in-process session: nothing can wait on a lock there, and a running statement cannot be interrupted.)
 */
if (onPostgres) {
  describe('statement budgets on PostgreSQL', () => {
    let locker: Client;
    const apps: TestApp[] = [];

    async function boot(env: Record<string, string>): Promise<{ t: TestApp; owner: Account }> {
      const t = await createTestApp({ READ_CACHE_TTL_MS: '0', ...env });
      apps.push(t);
      const owner = await registerAccount(t);
      await seedTickets(t, owner, 3);
      locker = new Client({ connectionString: (t.dataSource.options as PostgresConnectionOptions).url });
      await locker.connect();
      return { t, owner };
    }

    const lockTickets = async () => {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE tickets IN ACCESS EXCLUSIVE MODE');
    };
    /** Sessions of the app's database other than the locker that wait on a lock. */
    const waiting = async () =>
      (
        await locker.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        )
      ).rows[0].n;

    afterEach(async () => {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
      while (apps.length > 0) await apps.pop()!.close();
    });

    it('cancels a listing statement past its route budget and answers 503 statement_timeout', async () => {
      const { t, owner } = await boot({ LISTING_STATEMENT_TIMEOUT_MS: '300' });
      await lockTickets();
      const started = Date.now();
      const res = await t.http.get('/api/v1/tickets').set(owner.bearer);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ statusCode: 503, code: 'statement_timeout' });
      expect(res.headers['retry-after']).toBeDefined();
      expect(Date.now() - started).toBeLessThan(3_000);
      await sleep(100);
      expect(await waiting()).toBe(0);
    });

    it('keeps the connection of a statement its cancel stopped, and refuses statements of a client already gone', async () => {
      const { t } = await boot({ DATABASE_POOL_SIZE: '1' });
      const pid = async () => (await t.dataSource.query<{ pid: number }[]>('SELECT pg_backend_pid() AS pid'))[0].pid;
      const before = await pid();
      await runInDbContext({ statementTimeoutMs: 200 }, async () => {
        await expect(t.dataSource.query('SELECT pg_sleep(5)')).rejects.toMatchObject({
          driverError: { code: '57014' },
        });
      });
      expect(await pid()).toBe(before);
      const gone = new AbortController();
      gone.abort();
      await runInDbContext({ statementTimeoutMs: 5_000, signal: gone.signal }, async () => {
        await expect(t.dataSource.query("SELECT 'never sent'")).rejects.toMatchObject({
          driverError: { code: '57014' },
        });
      });
      const seen = await locker.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%never sent%'
      AND pid <> pg_backend_pid()`);
      expect(seen.rows[0].n).toBe(0);
    });

    it('cancels the statement of a client that goes away', async () => {
      const { t, owner } = await boot({ EXPORT_STATEMENT_TIMEOUT_MS: '20000' });
      await lockTickets();
      const pending = t.http.get('/api/v1/tickets/export.csv').set(owner.bearer);
      const done = pending.then(
        () => 'answered',
        () => 'aborted',
      );
      await sleep(400);
      expect(await waiting()).toBe(1);
      pending.abort();
      expect(await done).toBe('aborted');
      for (let i = 0; i < 20 && (await waiting()) > 0; i++) await sleep(100);
      expect(await waiting()).toBe(0);
    });

    it('keeps connections for health, sign-in, webhooks and writes while expensive reads are stuck', async () => {
      const { t, owner } = await boot({
        DATABASE_POOL_SIZE: '6',
        HEAVY_READ_CONCURRENCY: '3',
        HEAVY_READ_WAIT_MS: '1000',
        LISTING_STATEMENT_TIMEOUT_MS: '20000',
      });
      const evolution = await createInstance(t, owner, '+55 11 95555-4444');
      await lockTickets();
      const listings = Array.from({ length: 10 }, (_, i) =>
        t.http
          .get('/api/v1/tickets')
          .query({ q: `ana ${i}` })
          .set(owner.bearer)
          .then((r) => r),
      );
      await sleep(300);
      const quick = async (run: () => Promise<{ status: number }>) => {
        const started = Date.now();
        const { status } = await run();
        return { status, fast: Date.now() - started < 2_000 };
      };
      expect(await quick(() => t.http.get('/api/v1/health'))).toEqual({ status: 200, fast: true });
      expect(
        await quick(() => t.http.post('/api/v1/auth/login').send({ email: owner.email, password: owner.password })),
      ).toEqual({ status: 200, fast: true });
      expect(
        await quick(() =>
          t.http
            .post(`/api/v1/webhooks/whatsapp/evolution/${evolution.id}`)
            .set('apikey', evolution.webhookToken)
            .send({ event: 'connection.update', data: { state: 'open' } }),
        ),
      ).toEqual({ status: 200, fast: true });
      expect(
        await quick(() => t.http.post('/api/v1/stages').set(owner.bearer).send({ name: 'Extra', color: '#123456' })),
      ).toEqual({ status: 201, fast: true });
      // Three reads hold the heavy-read share; the others give up waiting for a turn with a 503.
      await sleep(1_000);
      expect(await waiting()).toBe(3);
      await locker.query('ROLLBACK');
      const statuses = (await Promise.all(listings)).map((r) => r.status).sort();
      expect(statuses).toEqual([...Array(3).fill(200), ...Array(7).fill(503)]);
      const busy = (await Promise.all(listings)).find((r) => r.status === 503)!;
      expect(busy.body).toMatchObject({ code: 'server_busy' });
    });
  });
}
