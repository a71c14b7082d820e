import { Db } from '../../src/database/db';
import { enqueuePurchaseConversion } from '../../src/modules/conversions/conversion-outbox';
import { ConversionsRepository } from '../../src/modules/conversions/conversions.repository';
import { LEASE_SECONDS } from '../../src/modules/conversions/conversions.worker';
import { Sale } from '../../src/modules/sales/entities/sale.entity';
import {
  META_ACCESS_TOKEN,
  NOW,
  purchaseEvent,
  useConversionsFixture,
  type Item,
} from '../support/conversions-fixture';
import { FakeGraphApi } from '../support/fake-graph-api';
import { createInstance, createTicket, registerAccount } from '../support/fixtures';
import { createTestApp } from '../support/test-app';

// The tests build on each other: each one sells or moves tickets, then delivers what the previous ones queued.
describe('conversions: Meta outbox and delivery to the Conversions API', () => {
  const app = useConversionsFixture();
  let saleA: string;

  beforeAll(async () => {
    await app.putSettings(app.settingsBody({ accessToken: META_ACCESS_TOKEN })).expect(200);
  });

  it('queues a Purchase for a sale of a ticket with a ctwaclid, in the same transaction, and nothing else', async () => {
    saleA = await app.sell('TA', 1200, '2026-03-15T14:00:00Z');
    await app.sell('TB', 80, '2026-03-15T14:00:00Z');
    const body = await app.conversions();
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(body.items[0]).toEqual({
      id: expect.any(String),
      ticketId: app.ids.TA,
      saleId: saleA,
      kind: 'purchase',
      eventName: 'Purchase',
      eventId: `purchase:${saleA}`,
      eventTime: '2026-03-15T14:00:00.000Z',
      value: 1200,
      currency: 'BRL',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: NOW.toISOString(),
      lastError: null,
      sentAt: null,
      payload: purchaseEvent(saleA, 'CTWA-A', 1773583200, 1200),
      createdAt: expect.any(String),
    });
  });

  it('queues the stage conversion once per ticket when it enters the rule stage', async () => {
    const [novo, andamento, fechado] = app.stages;
    await app.move('TA', andamento.id);
    await app.move('TA', novo.id);
    await app.move('TA', andamento.id);
    await app.move('TH', fechado.id);
    const stage = await app.conversions({ kind: 'stage' });
    expect(stage.total).toBe(1);
    expect(stage.items[0]).toMatchObject({
      ticketId: app.ids.TA,
      saleId: null,
      eventName: 'LeadSubmitted',
      eventId: `stage:${app.ids.TA}:${andamento.id}`,
      value: 1500,
      payload: {
        event_name: 'LeadSubmitted',
        event_time: 1773586800,
        event_id: `stage:${app.ids.TA}:${andamento.id}`,
        action_source: 'business_messaging',
        messaging_channel: 'whatsapp',
        user_data: { whatsapp_business_account_id: '1122334455', ctwa_clid: 'CTWA-A' },
        custom_data: { currency: 'BRL', value: 1500 },
      },
    });
  });

  it('cannot queue the same conversion twice', async () => {
    await app.dataSource.transaction(async (m) => {
      const sale = await m.findOneByOrFail(Sale, { id: saleA });
      await enqueuePurchaseConversion(new Db(m), sale, NOW);
      await enqueuePurchaseConversion(new Db(m), sale, NOW);
    });
    expect((await app.conversions()).total).toBe(2);
    await expect(
      app.dataSource.query(
        `INSERT INTO conversions (organization_id, ticket_id, kind, event_name, event_id, event_time, currency,
           ctwa_clid, payload)
         SELECT organization_id, ticket_id, kind, event_name, event_id, event_time, currency, ctwa_clid, payload
         FROM conversions WHERE event_id = $1`,
        [`purchase:${saleA}`],
      ),
    ).rejects.toThrow(/UQ_conversions_org_event_id/);
  });

  it('previews the events of the period exactly as they are sent', async () => {
    await app.sell('TA', 100, '2026-03-10T13:00:00Z');
    // The timeline's clock is the database's: pin the stage entry at "now".
    await app.dataSource.query(
      `UPDATE ticket_events SET created_at = $2 WHERE ticket_id = $1 AND type = 'stage_changed'`,
      [app.ids.TA, NOW],
    );
    const res = await app.http
      .get('/api/v1/conversions/meta-preview')
      .query({ dateRange: 'thisMonth' })
      .set(app.owner.bearer)
      .expect(200);
    const sent = (await app.conversions()).items as Item[];
    const stageEvent = sent.find((c) => c.kind === 'stage')!.payload;
    const sale100 = sent.find((c) => c.value === 100)!;
    expect(res.body).toEqual({
      data: [stageEvent, purchaseEvent(saleA, 'CTWA-A', 1773583200, 1200), sale100.payload],
    });
    expect(sale100.payload).toEqual(purchaseEvent(sale100.saleId as string, 'CTWA-A', 1773147600, 100));
    const none = await app.http
      .get('/api/v1/conversions/meta-preview')
      .query({ dateRange: 'lastMonth' })
      .set(app.owner.bearer)
      .expect(200);
    expect(none.body).toEqual({ data: [] });
  });

  it('does not run the worker when CONVERSIONS_WORKER_ENABLED=false', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.fake.requests).toHaveLength(0);
  });

  it('POSTs one batch to <graphApiBaseUrl>/<datasetId>/events and marks the conversions sent', async () => {
    expect(await app.worker.drain()).toEqual({ sent: 3, retrying: 0, failed: 0, skipped: 0 });
    expect(app.fake.requests).toHaveLength(1);
    const [request] = app.fake.requests;
    const items = (await app.conversions()).items as Item[];
    const byTime = [...items].sort((a, b) => a.payload.event_time - b.payload.event_time);
    expect(request).toEqual({
      method: 'POST',
      path: '/v21.0/987654321/events',
      query: { access_token: META_ACCESS_TOKEN },
      body: { data: byTime.map((c) => c.payload) },
    });
    for (const c of items) expect(c).toMatchObject({ status: 'sent', attempts: 1, sentAt: NOW.toISOString() });
    expect(await app.worker.drain()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
    expect(app.fake.requests).toHaveLength(1);
  });

  it('retries a failed delivery with backoff, keeping the error (never the token)', async () => {
    const saleId = await app.sell('TH', 50, '2026-03-15T10:00:00Z');
    app.fake.failNext(500, { error: { message: `Temporarily unavailable for ${META_ACCESS_TOKEN}`, code: 2 } });
    expect(await app.worker.drain()).toEqual({ sent: 0, retrying: 1, failed: 0, skipped: 0 });
    expect(await app.conversionOf(`purchase:${saleId}`)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'Graph API answered 500: Temporarily unavailable for *** (code 2)',
      nextAttemptAt: '2026-03-15T15:01:00.000Z',
      sentAt: null,
    });
    expect(await app.worker.drain()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
    app.clock.freeze(new Date('2026-03-15T15:01:00Z'));
    expect(await app.worker.drain()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
    expect(await app.conversionOf(`purchase:${saleId}`)).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastError: null,
      sentAt: '2026-03-15T15:01:00.000Z',
    });
    expect(app.fake.requests.at(-1)!.body.data).toEqual([purchaseEvent(saleId, 'CTWA-H', 1773568800, 50)]);
    app.clock.freeze(NOW);
  });

  it('gives up after the maximum attempts and marks the conversion failed with the last error', async () => {
    const saleId = await app.sell('TH', 75, '2026-03-15T11:00:00Z');
    app.fake.alwaysFail = { status: 400, body: { error: { message: 'Invalid parameter', code: 100 } } };
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      const result = await app.worker.drain();
      expect(result).toEqual(
        attempt < 8 ? { sent: 0, retrying: 1, failed: 0, skipped: 0 } : { sent: 0, retrying: 0, failed: 1, skipped: 0 },
      );
      const c = await app.conversionOf(`purchase:${saleId}`);
      delays.push((Date.parse(c.nextAttemptAt as string) - app.clock.now().getTime()) / 1000);
      app.clock.freeze(new Date(c.nextAttemptAt as string));
    }
    expect(delays.slice(0, 7)).toEqual([60, 120, 240, 480, 960, 1920, 3840]);
    expect(await app.conversionOf(`purchase:${saleId}`)).toMatchObject({
      status: 'failed',
      attempts: 8,
      lastError: 'Graph API answered 400: Invalid parameter (code 100)',
    });
    const before = app.fake.requests.length;
    app.clock.freeze(new Date(app.clock.now().getTime() + 24 * 3600_000));
    expect(await app.worker.drain()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
    expect(app.fake.requests).toHaveLength(before);
    app.fake.alwaysFail = null;
    app.clock.freeze(NOW);
  });

  it('skips what Meta would refuse: events older than 7 days, sales deleted before sending', async () => {
    const old = await app.sell('TH', 10, '2026-03-08T14:59:59Z');
    const deleted = await app.sell('TH', 20, '2026-03-15T12:00:00Z');
    await app.http.delete(`/api/v1/sales/${deleted}`).set(app.owner.bearer).expect(204);
    const before = app.fake.requests.length;
    expect(await app.worker.drain()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 2 });
    expect(app.fake.requests).toHaveLength(before);
    expect(await app.conversionOf(`purchase:${old}`)).toMatchObject({
      status: 'skipped',
      lastError: 'The event is more than 7 days old: Meta no longer accepts it',
    });
    expect(await app.conversionOf(`purchase:${deleted}`)).toMatchObject({
      status: 'skipped',
      saleId: null,
      lastError: 'The sale was deleted before it was sent',
    });
  });

  it('keeps queued conversions while disabled, queues nothing new, and sends them once enabled again', async () => {
    const queued = await app.sell('TH', 30, '2026-03-15T12:00:00Z');
    await app.putSettings(app.settingsBody({ enabled: false })).expect(200);
    const notQueued = await app.sell('TH', 40, '2026-03-15T12:30:00Z');
    const before = app.fake.requests.length;
    expect(await app.worker.drain()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
    expect(app.fake.requests).toHaveLength(before);
    expect(await app.conversionOf(`purchase:${notQueued}`)).toBeUndefined();
    await app.putSettings(app.settingsBody({ enabled: true })).expect(200);
    expect(await app.worker.drain()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
    expect(await app.conversionOf(`purchase:${queued}`)).toMatchObject({ status: 'sent' });
  });

  it('sends at most 100 events per request', async () => {
    await app.dataSource.query(
      `INSERT INTO conversions (organization_id, ticket_id, kind, event_name, event_id, event_time, value, currency,
         ctwa_clid, next_attempt_at, payload)
       SELECT organization_id, id, 'purchase', 'Purchase', 'bulk:' || n, $2, 1, 'BRL', 'CTWA-A', $2,
              jsonb_build_object('event_name', 'Purchase', 'event_id', 'bulk:' || n, 'event_time', 1773586800)
       FROM tickets, generate_series(1, 150) AS n WHERE id = $1`,
      [app.ids.TA, NOW],
    );
    // A purchase without a sale counts as deleted (skipped): point these rows at an existing sale.
    await app.dataSource.query(`UPDATE conversions SET sale_id = $1 WHERE event_id LIKE 'bulk:%'`, [saleA]);
    const before = app.fake.requests.length;
    expect(await app.worker.drain()).toEqual({ sent: 150, retrying: 0, failed: 0, skipped: 0 });
    expect(app.fake.requests.slice(before).map((r) => r.body.data.length)).toEqual([100, 50]);
  });

  it('gives the conversions of a worker that died holding them to the next one once its lease runs out', async () => {
    const saleId = await app.sell('TH', 60, '2026-03-15T13:00:00Z');
    // A worker claims the conversion, then dies: it never sends it nor renews its lease.
    const now = app.clock.now();
    const held = await app.t.app
      .get(ConversionsRepository)
      .claim(app.t.app.get(Db), 10, { now, until: new Date(now.getTime() + LEASE_SECONDS * 1000) });
    expect(held).toEqual([
      expect.objectContaining({ attempts: 1, payload: expect.objectContaining({ event_id: `purchase:${saleId}` }) }),
    ]);
    const before = app.fake.requests.length;
    expect(await app.worker.drain()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
    expect(app.fake.requests).toHaveLength(before);
    app.clock.freeze(new Date(now.getTime() + (LEASE_SECONDS - 1) * 1000));
    expect(await app.worker.drain()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
    app.clock.freeze(new Date(now.getTime() + (LEASE_SECONDS + 1) * 1000));
    expect(await app.worker.drain()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
    expect(app.fake.requests).toHaveLength(before + 1);
    expect(await app.conversionOf(`purchase:${saleId}`)).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastError: null,
    });
    app.clock.freeze(NOW);
  });

  it('lists with filters, pages and keeps organizations apart', async () => {
    const sent = await app.conversions({ status: 'sent', pageSize: '5' });
    expect(sent).toMatchObject({ page: 1, pageSize: 5 });
    expect(sent.items).toHaveLength(5);
    expect((await app.conversions({ status: 'failed' })).total).toBe(1);
    expect((await app.conversions({ status: 'skipped' })).total).toBe(2);
    expect((await app.conversions({ kind: 'stage' })).total).toBe(1);
    expect((await app.conversions({ ticketId: app.ids.TB })).total).toBe(0);
    expect((await app.conversions({}, app.other)).total).toBe(0);
    for (const [query, field] of [
      [{ status: 'done' }, 'status'],
      [{ kind: 'lead' }, 'kind'],
      [{ ticketId: 'x' }, 'ticketId'],
    ] as [Record<string, string>, string][]) {
      const res = await app.http.get('/api/v1/conversions').query(query).set(app.owner.bearer).expect(400);
      expect(res.body.details.map((d: Item) => d.field)).toContain(field);
    }
  });
});

describe('conversions worker', () => {
  it('starts with the application, delivers on its own and stops on shutdown', async () => {
    const fake = new FakeGraphApi();
    await fake.start();
    const t = await createTestApp({ CONVERSIONS_WORKER_INTERVAL_MS: '50' });
    try {
      const owner = await registerAccount(t, 'Loja Worker');
      await createInstance(t, owner);
      await t.http
        .put('/api/v1/conversions/meta-settings')
        .set(owner.bearer)
        .send({
          enabled: true,
          datasetId: '42',
          accessToken: META_ACCESS_TOKEN,
          whatsappBusinessAccountId: '7',
          graphApiBaseUrl: fake.base,
        })
        .expect(200);
      const ticket = await createTicket(t, owner, {
        lead: { name: 'Cliente', phone: '+5511987650990' },
        ticket: { ctwaclid: 'CTWA-W' },
      });
      await t.http
        .post(`/api/v1/tickets/${ticket.id as string}/sales`)
        .set(owner.bearer)
        .send({ value: 10 })
        .expect(201);
      for (let i = 0; i < 100 && fake.requests.length === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(fake.requests).toHaveLength(1);
      expect(fake.requests[0].body.data[0]).toMatchObject({
        event_name: 'Purchase',
        user_data: { ctwa_clid: 'CTWA-W' },
      });
    } finally {
      await t.close();
      await fake.stop();
    }
  });
});
