import { createInstance, registerAccount, uniquePhone } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { adminUrl } from '../setup/test-database';

/** PGlite runs no autovacuum: the API vacuums and analyzes it itself; PostgreSQL is left to its own. */
describe('Embedded database maintenance', () => {
  const embedded = !adminUrl();
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ EMBEDDED_VACUUM_INTERVAL_MS: '100' });
  });
  afterAll(() => t.close());

  const ticketsTable = async () =>
    (
      await t.dataSource.query(
        `SELECT s.last_vacuum IS NOT NULL AS vacuumed, s.last_analyze IS NOT NULL AS analyzed, c.reltuples::int AS rows
         FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'tickets'`,
      )
    )[0] as { vacuumed: boolean; analyzed: boolean; rows: number };

  it(embedded ? 'vacuums and analyzes PGlite on its timer' : 'leaves PostgreSQL to autovacuum', async () => {
    const owner = await registerAccount(t);
    await createInstance(t, owner);
    for (let i = 0; i < 3; i++) {
      await t.http
        .post('/api/v1/tickets')
        .set(owner.bearer)
        .send({ lead: { phone: uniquePhone() } })
        .expect(201);
    }
    await new Promise((resolve) => setTimeout(resolve, 800));
    const table = await ticketsTable();
    if (embedded) {
      // The planner now knows the table's real size (never analyzed, it would keep guessing).
      expect(table).toEqual({ vacuumed: true, analyzed: true, rows: 3 });
    } else {
      expect({ vacuumed: table.vacuumed, analyzed: table.analyzed }).toEqual({ vacuumed: false, analyzed: false });
    }
  });
});
