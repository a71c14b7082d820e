import { Clock } from '../../src/common/clock/clock';
import { WebhookWorker } from '../../src/modules/whatsapp/webhook-worker';
import { evolutionUpsert } from '../support/whatsapp-payloads';
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
  let instance: { id: string; webhookToken: string };

  const list = async (query = '') =>
    (await t.http.get(`/api/v1/tickets${query}`).set(owner.bearer).expect(200)).body as Record<string, any>;
  const bySource = async () =>
    (await t.http.get('/api/v1/reports/attribution?groupBy=utmSource').set(owner.bearer).expect(200)).body as {
      rows: { key: string; tickets: number; revenue: number }[];
    };

  beforeAll(async () => {
    t = await createTestApp({ READ_CACHE_TTL_MS: '10000', WEBHOOK_WORKER_ENABLED: 'false' });
    clock = t.app.get(Clock);
    clock.freeze(new Date('2026-11-29T15:00:00Z'));
    owner = await registerAccount(t, 'Loja Cache');
    instance = (await createInstance(t, owner)) as typeof instance;
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

  it('sees a ticket change made outside the API at once (its trigger announces it on the event bus)', async () => {
    expect((await list()).summary.dealValueOpen).toBe(50);
    await t.dataSource.query('UPDATE tickets SET deal_value = 70 WHERE deal_value = 50');
    expect((await list()).summary.dealValueOpen).toBe(70);
  });

  it('sees a change no trigger announces once the TTL has passed', async () => {
    const [first] = await listStages(t, owner);
    expect((await list()).stages[0].name).toBe('Primeiro contato');
    await t.dataSource.query('UPDATE ticket_stages SET name = $1 WHERE id = $2', ['Contato inicial', first!.id]);
    expect((await list()).stages[0].name).toBe('Primeiro contato');
    // The stages are configuration (CONFIG_CACHE_TTL_MS, 60 s): the read cache's 10 s are not enough.
    clock.freeze(new Date(clock.now().getTime() + 10_000));
    expect((await list()).stages[0].name).toBe('Primeiro contato');
    clock.freeze(new Date(clock.now().getTime() + 50_000));
    expect((await list()).stages[0].name).toBe('Contato inicial');
  });

  it('pages through every ticket exactly once, also when pages are read again from their remembered start', async () => {
    for (const dealValue of [10, 10, 10, 20, 20]) {
      await createTicket(t, owner, { lead: { phone: uniquePhone() }, ticket: { dealValue } });
    }
    for (const sort of ['-createdAt', 'dealValue', '-dealValue', 'updatedAt']) {
      const all = ((await list(`?sort=${sort}&pageSize=100`)).items as { id: string }[]).map((i) => i.id);
      expect(all).toHaveLength(7);
      const paged: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const ids = ((await list(`?sort=${sort}&pageSize=3&page=${page}`)).items as { id: string }[]).map((i) => i.id);
        paged.push(...ids);
        // The second read seeks to where page 1 or 2 said this page starts: same rows.
        const again = (await list(`?sort=${sort}&pageSize=3&page=${page}`)).items as { id: string }[];
        expect(again.map((i) => i.id)).toEqual(ids);
      }
      expect(paged).toEqual(all);
      expect((await list(`?sort=${sort}&pageSize=3&page=4`)).items).toEqual([]);
    }
  });

  it('reads a page reached directly (not by paging) again from its own remembered start', async () => {
    const all = ((await list('?pageSize=100')).items as { id: string }[]).map((i) => i.id);
    const ids = async () => ((await list('?pageSize=2&page=3')).items as { id: string }[]).map((i) => i.id);
    expect(await ids()).toEqual(all.slice(4, 6));
    expect(await ids()).toEqual(all.slice(4, 6));
    expect((await list('?pageSize=2&page=9')).items).toEqual([]);
    expect((await list('?pageSize=2&page=9')).items).toEqual([]);
  });

  it('moves page boundaries after a write', async () => {
    const page2 = ((await list('?pageSize=3&page=2')).items as { id: string }[]).map((i) => i.id);
    const created = await createTicket(t, owner, { lead: { phone: uniquePhone() }, ticket: {} });
    const page1 = ((await list('?pageSize=3&page=1')).items as { id: string }[]).map((i) => i.id);
    expect(page1[0]).toBe(created.id);
    const shifted = ((await list('?pageSize=3&page=2')).items as { id: string }[]).map((i) => i.id);
    expect(shifted.slice(1)).toEqual(page2.slice(0, 2));
  });

  it('finds a lead by a name it was given after the same search ran', async () => {
    expect((await list('?q=zuleica')).total).toBe(0);
    const [ticket] = (await list('?pageSize=1')).items as { leadId: string }[];
    await t.http
      .patch(`/api/v1/leads/${ticket!.leadId}`)
      .set(owner.bearer)
      .send({ name: 'Zuleica Araújo' })
      .expect(200);
    const found = await list('?q=zuleica');
    expect(found.total).toBe(1);
    expect(found.items[0].leadId).toBe(ticket!.leadId);
  });

  it('shows a ticket opened by a WhatsApp message as soon as the worker has applied it', async () => {
    const before = (await list()).total as number;
    await t.http
      .post(`/api/v1/webhooks/whatsapp/evolution/${instance.id}`)
      .set('apikey', instance.webhookToken)
      .send(evolutionUpsert({ id: 'CACHE-1', remoteJid: '5531977776666@s.whatsapp.net', text: 'Oi!' }))
      .expect(200);
    expect((await list()).total).toBe(before);
    expect(await t.app.get(WebhookWorker).drain()).toBe(1);
    expect((await list()).total).toBe(before + 1);
  });
});
