import { Clock } from '../../src/common/clock/clock';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  createInstance,
  createTicket,
  listStages,
  registerAccount,
  uniquePhone,
  type Account,
} from '../support/fixtures';

/** Listing totals, facets and reports are reused between writes (OrgReadCache): writes must show at once. */
describe('cached organization reads', () => {
  let t: TestApp;
  let owner: Account;
  let clock: Clock;

  const list = async (query = '') =>
    (await t.http.get(`/api/v1/tickets${query}`).set(owner.bearer).expect(200)).body as Record<string, any>;
  const bySource = async () =>
    (await t.http.get('/api/v1/reports/attribution?groupBy=utmSource').set(owner.bearer).expect(200)).body as {
      rows: { key: string; tickets: number; revenue: number }[];
    };

  beforeAll(async () => {
    t = await createTestApp({ READ_CACHE_TTL_MS: '10000' });
    clock = t.app.get(Clock);
    clock.freeze(new Date('2026-11-29T15:00:00Z'));
    owner = await registerAccount(t, 'Loja Cache');
    await createInstance(t, owner);
    await createTicket(t, owner, { lead: { phone: uniquePhone() }, ticket: { utmSource: 'google' } });
  });

  afterAll(async () => {
    await t.close();
  });

  it('shows a new ticket, its origin and its report row right after the POST', async () => {
    const before = await list();
    expect(before.total).toBe(1);
    expect(before.origins).toEqual(['google']);
    expect((await bySource()).rows.map((r) => r.key)).toEqual(['google']);

    await createTicket(t, owner, { lead: { phone: uniquePhone() }, ticket: { utmSource: 'tiktok', dealValue: 50 } });

    const after = await list();
    expect(after.total).toBe(2);
    expect(after.summary.dealValueOpen).toBe(50);
    expect(after.origins).toEqual(['google', 'tiktok']);
    expect((await bySource()).rows.map((r) => r.key).sort()).toEqual(['google', 'tiktok']);
  });

  it('shows a sale and a renamed stage right after the write', async () => {
    const [ticket] = (await list('?origin=tiktok')).items as { id: string }[];
    expect((await list('?hasSales=true')).total).toBe(0);
    await t.http.post(`/api/v1/tickets/${ticket!.id}/sales`).set(owner.bearer).send({ value: 80 }).expect(201);
    expect((await list('?hasSales=true')).total).toBe(1);
    expect((await bySource()).rows.find((r) => r.key === 'tiktok')?.revenue).toBe(80);

    const [first] = await listStages(t, owner);
    await t.http.patch(`/api/v1/stages/${first!.id}`).set(owner.bearer).send({ name: 'Primeiro contato' }).expect(200);
    expect((await list()).stages[0].name).toBe('Primeiro contato');
  });

  it('sees a change made outside this instance once the TTL has passed', async () => {
    await t.dataSource.query('UPDATE tickets SET deal_value = 70 WHERE deal_value = 50');
    expect((await list()).summary.dealValueOpen).toBe(50);
    clock.freeze(new Date(clock.now().getTime() + 10_000));
    expect((await list()).summary.dealValueOpen).toBe(70);
  });
});
