import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { DataSource } from 'typeorm';
import { DatabaseLockedError, LOCK_STALE_MS } from '../../src/database/data-dir-lock';
import { pgliteOptions } from '../../src/database/data-source-options';
import { runMigrations } from '../../src/database/migrate';
import { openPglite } from '../../src/database/pglite';
import { apiDist, runNode, startNode } from '../support/node-process';

/** Configuration for the spawned scripts that writes nothing beside the data directory (no generated secrets). */
const SCRIPT_ENV = {
  NODE_ENV: 'development',
  JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
  ENCRYPTION_KEY: 'test-encryption-key-that-is-long-enough',
  SEED_DEMO_LEADS: '5',
};
const STACK_FRAME = /^\s+at .+:\d+/m;

/**
 * One process per PGlite data directory (issue #10, item 16). PGlite is embedded, so these tests open
 * directories of their own in a temp folder on the PostgreSQL runs too; the child processes run the built API.
 */
describe('embedded database lock', () => {
  let root: string;
  let dataDir: string;
  let held: PGlite | null = null;

  const organizations = async (db: PGlite): Promise<number> =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations')).rows[0].n;

  beforeAll(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'whatrack-lock-')));
    dataDir = join(root, 'pglite');
    held = await openPglite(dataDir);
    const ds = new DataSource(pgliteOptions(held));
    await ds.initialize();
    await runMigrations(ds);
    await ds.destroy(); // the tests below query PGlite directly
  });

  afterAll(async () => {
    if (held && !held.closed) await held.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses a second open of a directory in use, naming it and its holder, and the first keeps working', async () => {
    const error = await openPglite(dataDir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseLockedError);
    const { message } = error as Error;
    expect(message).toContain(`another WhaTrack process (pid ${process.pid}, `);
    expect(message).toContain(`is using the embedded database in ${dataDir}; stop it, or set DATABASE_URL`);
    expect(message).toContain('PGLITE_DATA_DIR');
    await held!.exec('CREATE TABLE lock_check (id int); INSERT INTO lock_check VALUES (1)');
    expect(await organizations(held!)).toBe(0);
  });

  it('seed:demo refuses a directory held by another process: exit code 1, the message, nothing written', async () => {
    const seed = await runNode(
      [join(apiDist(), 'scripts/seed-demo.js')],
      { ...SCRIPT_ENV, PGLITE_DATA_DIR: dataDir },
      60_000,
    );
    expect(seed.code).toBe(1);
    expect(seed.output).toContain(`another WhaTrack process (pid ${process.pid}, `);
    expect(seed.output).toContain(`in ${dataDir}; stop it, or set DATABASE_URL / PGLITE_DATA_DIR`);
    expect(seed.output).not.toMatch(STACK_FRAME);

    // What is on disk: the holder closes, and a new instance reads the directory afresh.
    await held!.close();
    held = await openPglite(dataDir);
    expect(await organizations(held)).toBe(0);
    expect((await held.query('SELECT id FROM lock_check')).rows).toEqual([{ id: 1 }]);
  });

  it('opens a closed directory again: seed:demo then writes its organization', async () => {
    await held!.close();
    const seed = await runNode(
      [join(apiDist(), 'scripts/seed-demo.js')],
      { ...SCRIPT_ENV, PGLITE_DATA_DIR: dataDir },
      60_000,
    );
    expect(seed.code).toBe(0);
    held = await openPglite(dataDir);
    expect(await organizations(held)).toBe(1);
  });

  it('the API server does not boot on a directory in use: one error line, exit code 1, no stack trace', async () => {
    const server = await runNode(
      [join(apiDist(), 'main.js')],
      { ...SCRIPT_ENV, PGLITE_DATA_DIR: dataDir, PORT: '39173', LOG_LEVEL: 'info' },
      30_000,
    );
    expect({ code: server.code, signal: server.signal }).toEqual({ code: 1, signal: null });
    const errors = server.output.split('\n').filter((line) => line.includes('ERROR'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`another WhaTrack process (pid ${process.pid}, `);
    expect(errors[0]).toContain(dataDir);
    expect(server.output).not.toMatch(STACK_FRAME);
    expect(server.output).not.toContain('Retrying');
  });

  it(`takes over a lock left by a process killed with SIGKILL within LOCK_STALE_MS (${LOCK_STALE_MS} ms)`, async () => {
    const dir = join(root, 'killed');
    const script = `
      const { openPglite } = require(${JSON.stringify(join(apiDist(), 'database/pglite.js'))});
      openPglite(process.env.DIR).then(async (db) => {
        await db.exec("CREATE TABLE survived (id int); INSERT INTO survived VALUES (42)");
        console.log('ready');
      });
      setInterval(() => {}, 1000);`;
    const holder = await startNode(script, { DIR: dir }, 60_000);
    holder.child.kill('SIGKILL');
    expect((await holder.exited).signal).toBe('SIGKILL');
    expect(existsSync(`${dir}.lock`)).toBe(true); // the killed process could not remove it

    const startedAt = Date.now();
    const db = await openPglite(dir);
    const waited = Date.now() - startedAt;
    try {
      // The stale wait plus reopening the data directory, which takes seconds when CI's other suites load both cores.
      expect(waited).toBeLessThan(LOCK_STALE_MS + 5_000);
      expect((await db.query('SELECT id FROM survived')).rows).toEqual([{ id: 42 }]);
    } finally {
      await db.close();
    }
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it('does not lock memory:// databases (private to their instance)', async () => {
    const [a, b] = await Promise.all([openPglite('memory://'), openPglite('memory://')]);
    await Promise.all([a.close(), b.close()]);
    expect(existsSync('memory:.lock')).toBe(false);
  });
});
