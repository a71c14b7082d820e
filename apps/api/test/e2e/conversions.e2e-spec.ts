import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Clock } from '../../src/common/clock/clock';
import { enqueuePurchaseConversion } from '../../src/modules/conversions/conversion-outbox';
import { ConversionsWorker } from '../../src/modules/conversions/conversions.worker';
import { Sale } from '../../src/modules/sales/entities/sale.entity';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  addUser,
  createApiKey,
  createInstance,
  createTicket,
  listStages,
  registerAccount,
  type Account,
  type StageRef,
} from '../support/fixtures';

type Item = Record<string, any>;

interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  body: { data: Item[] };
}

/** A local stand-in for the Graph API: records every request and fails on demand. */
class FakeGraphApi {
  readonly requests: Recorded[] = [];
  private readonly failures: { status: number; body: unknown }[] = [];
  alwaysFail: { status: number; body: unknown } | null = null;
  private server: Server | null = null;
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://fake');
        const body = JSON.parse(raw || '{}') as { data: Item[] };
        this.requests.push({
          method: req.method ?? '',
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          body,
        });
        const failure = this.failures.shift() ?? this.alwaysFail;
        res.writeHead(failure?.status ?? 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(failure?.body ?? { events_received: body.data.length, messages: [], fbtrace_id: 'F' }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v21.0`;
  }

  failNext(status: number, body: unknown): void {
    this.failures.push({ status, body });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

const NOW = new Date('2026-03-15T15:00:00Z');
const TOKEN = 'EAAB-test-token-123';

describe('conversions', () => {
  let t: TestApp;
  let fake: FakeGraphApi;
  let owner: Account;
  let agent: Account;
  let other: Account;
  let stages: StageRef[];
  let clock: Clock;
  let worker: ConversionsWorker;
  const ids: Record<string, string> = {};

  const settingsBody = (extra: Record<string, unknown> = {}) => ({
    enabled: true,
    datasetId: '987654321',
    whatsappBusinessAccountId: '1122334455',
    graphApiBaseUrl: `${fake.base}/`,
    stageRule: { stageId: stages[1].id, eventName: 'LeadSubmitted' },
    ...extra,
  });
  const putSettings = (body: Record<string, unknown>, account = owner) =>
    t.http.put('/api/v1/conversions/meta-settings').set(account.bearer).send(body);
  const sell = async (ticket: string, value: number, soldAt: string, account = owner): Promise<string> =>
    (
      await t.http
        .post(`/api/v1/tickets/${ids[ticket] ?? ticket}/sales`)
        .set(account.bearer)
        .send({ value, soldAt })
        .expect(201)
    ).body.id as string;
  const move = (ticket: string, stageId: string) =>
    t.http.patch(`/api/v1/tickets/${ids[ticket]}`).set(owner.bearer).send({ stageId }).expect(200);
  const conversions = async (query: Record<string, string> = {}, account = owner): Promise<Item> =>
    (await t.http.get('/api/v1/conversions').query(query).set(account.bearer).expect(200)).body as Item;
  const conversionOf = async (eventId: string): Promise<Item> =>
    ((await conversions({ pageSize: '100' })).items as Item[]).find((c) => c.eventId === eventId)!;
  const purchase = (saleId: string, ctwaClid: string, eventTime: number, value: number) => ({
    event_name: 'Purchase',
    event_time: eventTime,
    event_id: `purchase:${saleId}`,
    action_source: 'business_messaging',
    messaging_channel: 'whatsapp',
    user_data: { whatsapp_business_account_id: '1122334455', ctwa_clid: ctwaClid },
    custom_data: { currency: 'BRL', value },
  });

  beforeAll(async () => {
    fake = new FakeGraphApi();
    await fake.start();
    t = await createTestApp({ CONVERSIONS_WORKER_ENABLED: 'false', CONVERSIONS_WORKER_INTERVAL_MS: '50' });
    clock = t.app.get(Clock);
    clock.freeze(NOW);
    worker = t.app.get(ConversionsWorker);
    owner = await registerAccount(t, 'Loja Conversões');
    agent = await addUser(t, owner, 'agent');
    await createInstance(t, owner);
    stages = await listStages(t, owner);
    const specs: [string, Record<string, unknown>][] = [
      ['TA', { utmSource: 'facebook', ctwaclid: 'CTWA-A', dealValue: 1500 }],
      ['TH', { utmSource: 'facebook', ctwaclid: 'CTWA-H' }],
      ['TB', { utmSource: 'google', gclid: 'Cj0KCQjw-GCLID_B' }],
      ['TC', { gbraid: 'GBRAID-C' }],
      ['TD', { gbraid: 'GBRAID-D', wbraid: 'WBRAID-D' }],
      ['TE', { gclid: 'GCLID-E', wbraid: 'WBRAID-E' }],
      ['TF', { wbraid: 'WBRAID-F' }],
      ['TG', { gclid: '=HYPERLINK("http://evil")' }],
    ];
    let n = 0;
    for (const [name, ticket] of specs) {
      n += 1;
      ids[name] = (await createTicket(t, owner, { lead: { name, phone: `+55119876501${n}0` }, ticket })).id;
    }
    other = await registerAccount(t, 'Outra');
    await createInstance(t, other);
    const foreign = await createTicket(t, other, {
      lead: { name: 'Outro', phone: '+5511987659999' },
      ticket: { gclid: 'FOREIGN', ctwaclid: 'CTWA-FOREIGN' },
    });
    await sell(foreign.id as string, 999, '2026-03-10T12:00:00Z', other);
  });

  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  describe('Google Ads offline conversion files', () => {
    beforeAll(async () => {
      await sell('TB', 1234.56, '2026-03-01T02:30:00Z');
      await sell('TB', 200, '2026-03-14T17:05:09Z');
      await sell('TC', 300, '2026-03-05T12:00:00Z');
      await sell('TD', 400, '2026-03-06T12:00:00Z');
      await sell('TE', 500, '2026-03-07T12:00:00Z');
      await sell('TF', 600, '2026-03-08T12:00:00Z');
      await sell('TG', 700, '2026-03-09T12:00:00Z');
    });

    const csv = (query: Record<string, string>) =>
      t.http.get('/api/v1/conversions/google-ads.csv').query(query).set(owner.bearer);

    it('lists the sales of tickets with a gclid, times in the organization zone, byte for byte', async () => {
      const res = await csv({ conversionName: 'Compra WhatsApp' }).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="google-ads-conversions-gclid.csv"');
      expect(res.text).toBe(
        'Parameters:TimeZone=America/Sao_Paulo\r\n' +
          'Google Click ID,Conversion Name,Conversion Time,Conversion Value,Conversion Currency\r\n' +
          'Cj0KCQjw-GCLID_B,Compra WhatsApp,2026-02-28 23:30:00,1234.56,BRL\r\n' +
          'GCLID-E,Compra WhatsApp,2026-03-07 09:00:00,500.00,BRL\r\n' +
          'Cj0KCQjw-GCLID_B,Compra WhatsApp,2026-03-14 14:05:09,200.00,BRL\r\n',
      );
    });

    it('filters by soldAt in the organization time zone and quotes the conversion name when needed', async () => {
      const res = await csv({ conversionName: 'Compra, WhatsApp', dateRange: 'thisMonth' }).expect(200);
      expect(res.text).toBe(
        'Parameters:TimeZone=America/Sao_Paulo\r\n' +
          'Google Click ID,Conversion Name,Conversion Time,Conversion Value,Conversion Currency\r\n' +
          'GCLID-E,"Compra, WhatsApp",2026-03-07 09:00:00,500.00,BRL\r\n' +
          'Cj0KCQjw-GCLID_B,"Compra, WhatsApp",2026-03-14 14:05:09,200.00,BRL\r\n',
      );
      const february = await csv({ conversionName: 'Compra', dateFrom: '2026-02-28', dateTo: '2026-02-28' }).expect(
        200,
      );
      expect(february.text.split('\r\n')[2]).toBe('Cj0KCQjw-GCLID_B,Compra,2026-02-28 23:30:00,1234.56,BRL');
    });

    it('puts GBRAID and WBRAID in their own files, never a sale in two files', async () => {
      const gbraid = await csv({ conversionName: 'Compra', variant: 'gbraid' }).expect(200);
      expect(gbraid.headers['content-disposition']).toContain('google-ads-conversions-gbraid.csv');
      expect(gbraid.text).toBe(
        'Parameters:TimeZone=America/Sao_Paulo\r\n' +
          'GBRAID,Conversion Name,Conversion Time,Conversion Value,Conversion Currency\r\n' +
          'GBRAID-C,Compra,2026-03-05 09:00:00,300.00,BRL\r\n' +
          'GBRAID-D,Compra,2026-03-06 09:00:00,400.00,BRL\r\n',
      );
      expect((await csv({ conversionName: 'Compra', variant: 'wbraid' }).expect(200)).text).toBe(
        'Parameters:TimeZone=America/Sao_Paulo\r\n' +
          'WBRAID,Conversion Name,Conversion Time,Conversion Value,Conversion Currency\r\n' +
          'WBRAID-F,Compra,2026-03-08 09:00:00,600.00,BRL\r\n',
      );
    });

    it('requires a conversion name and a known variant', async () => {
      for (const [query, field] of [
        [{}, 'conversionName'],
        [{ conversionName: '   ' }, 'conversionName'],
        [{ conversionName: '=cmd' }, 'conversionName'],
        [{ conversionName: 'Compra', variant: 'fbclid' }, 'variant'],
        [{ conversionName: 'Compra', dateRange: 'ontem' }, 'dateRange'],
      ] as [Record<string, string>, string][]) {
        const res = await csv(query).expect(400);
        expect(res.body.details.map((d: Item) => d.field)).toContain(field);
      }
    });
  });

  describe('Meta settings', () => {
    it('answers defaults before anything is saved', async () => {
      const res = await t.http.get('/api/v1/conversions/meta-settings').set(agent.bearer).expect(200);
      expect(res.body).toEqual({
        enabled: false,
        datasetId: null,
        whatsappBusinessAccountId: null,
        graphApiBaseUrl: 'https://graph.facebook.com/v21.0',
        hasAccessToken: false,
        stageRule: null,
      });
    });

    it('lets only owners and admins change them', async () => {
      await putSettings(settingsBody({ accessToken: TOKEN }), agent).expect(403);
      const key = await createApiKey(t, owner);
      await t.http
        .put('/api/v1/conversions/meta-settings')
        .set('X-API-Key', key.key)
        .send(settingsBody({ accessToken: TOKEN }))
        .expect(403);
    });

    it('validates the fields and what enabling needs', async () => {
      const missing = await putSettings({ enabled: true }).expect(400);
      expect(missing.body.details.map((d: Item) => d.field)).toEqual([
        'datasetId',
        'accessToken',
        'whatsappBusinessAccountId',
      ]);
      const bad = await putSettings({
        enabled: 'yes',
        datasetId: 'abc',
        graphApiBaseUrl: 'ftp://graph',
        stageRule: { stageId: 'x', eventName: '1 bad' },
      }).expect(400);
      expect(bad.body.details.map((d: Item) => d.field)).toEqual([
        'enabled',
        'datasetId',
        'graphApiBaseUrl',
        'stageRule.stageId',
        'stageRule.eventName',
      ]);
      await putSettings(
        settingsBody({ accessToken: TOKEN, stageRule: { stageId: ids.TA, eventName: 'LeadSubmitted' } }),
      ).expect(404);
    });

    it('stores the access token encrypted and never returns it', async () => {
      const res = await putSettings(settingsBody({ accessToken: TOKEN })).expect(200);
      expect(res.body).toEqual({
        enabled: true,
        datasetId: '987654321',
        whatsappBusinessAccountId: '1122334455',
        graphApiBaseUrl: fake.base,
        hasAccessToken: true,
        stageRule: { stageId: stages[1].id, eventName: 'LeadSubmitted' },
      });
      const [row] = await t.dataSource.query('SELECT access_token_encrypted FROM meta_settings');
      expect(row.access_token_encrypted).toMatch(/^v1\./);
      expect(JSON.stringify(row)).not.toContain('test-token');
      // Saving again without the token keeps it.
      const again = await putSettings(settingsBody()).expect(200);
      expect(again.body.hasAccessToken).toBe(true);
      const got = await t.http.get('/api/v1/conversions/meta-settings').set(owner.bearer).expect(200);
      expect(got.body).toEqual(res.body);
      expect(JSON.stringify(got.body)).not.toContain('token-123');
    });
  });

  describe('outbox and delivery to the Conversions API', () => {
    let saleA: string;

    it('queues a Purchase for a sale of a ticket with a ctwaclid, in the same transaction, and nothing else', async () => {
      saleA = await sell('TA', 1200, '2026-03-15T14:00:00Z');
      await sell('TB', 80, '2026-03-15T14:00:00Z');
      const body = await conversions();
      expect(body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
      expect(body.items[0]).toEqual({
        id: expect.any(String),
        ticketId: ids.TA,
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
        payload: purchase(saleA, 'CTWA-A', 1773583200, 1200),
        createdAt: expect.any(String),
      });
    });

    it('queues the stage conversion once per ticket when it enters the rule stage', async () => {
      const [novo, andamento, fechado] = stages;
      await move('TA', andamento.id);
      await move('TA', novo.id);
      await move('TA', andamento.id);
      await move('TH', fechado.id);
      const stage = await conversions({ kind: 'stage' });
      expect(stage.total).toBe(1);
      expect(stage.items[0]).toMatchObject({
        ticketId: ids.TA,
        saleId: null,
        eventName: 'LeadSubmitted',
        eventId: `stage:${ids.TA}:${andamento.id}`,
        value: 1500,
        payload: {
          event_name: 'LeadSubmitted',
          event_time: 1773586800,
          event_id: `stage:${ids.TA}:${andamento.id}`,
          action_source: 'business_messaging',
          messaging_channel: 'whatsapp',
          user_data: { whatsapp_business_account_id: '1122334455', ctwa_clid: 'CTWA-A' },
          custom_data: { currency: 'BRL', value: 1500 },
        },
      });
    });

    it('cannot queue the same conversion twice', async () => {
      await t.dataSource.transaction(async (m) => {
        const sale = await m.findOneByOrFail(Sale, { id: saleA });
        await enqueuePurchaseConversion(m, sale, NOW);
        await enqueuePurchaseConversion(m, sale, NOW);
      });
      expect((await conversions()).total).toBe(2);
      await expect(
        t.dataSource.query(
          `INSERT INTO conversions (organization_id, ticket_id, kind, event_name, event_id, event_time, currency,
             ctwa_clid, payload)
           SELECT organization_id, ticket_id, kind, event_name, event_id, event_time, currency, ctwa_clid, payload
           FROM conversions WHERE event_id = $1`,
          [`purchase:${saleA}`],
        ),
      ).rejects.toThrow(/UQ_conversions_org_event_id/);
    });

    it('previews the events of the period exactly as they are sent', async () => {
      await sell('TA', 100, '2026-03-10T13:00:00Z');
      // The timeline's clock is the database's: pin the stage entry at "now".
      await t.dataSource.query(
        `UPDATE ticket_events SET created_at = $2 WHERE ticket_id = $1 AND type = 'stage_changed'`,
        [ids.TA, NOW],
      );
      const res = await t.http
        .get('/api/v1/conversions/meta-preview')
        .query({ dateRange: 'thisMonth' })
        .set(owner.bearer)
        .expect(200);
      const sent = (await conversions()).items as Item[];
      const stageEvent = sent.find((c) => c.kind === 'stage')!.payload;
      const sale100 = sent.find((c) => c.value === 100)!;
      expect(res.body).toEqual({
        data: [stageEvent, purchase(saleA, 'CTWA-A', 1773583200, 1200), sale100.payload],
      });
      expect(sale100.payload).toEqual(purchase(sale100.saleId as string, 'CTWA-A', 1773147600, 100));
      const none = await t.http
        .get('/api/v1/conversions/meta-preview')
        .query({ dateRange: 'lastMonth' })
        .set(owner.bearer)
        .expect(200);
      expect(none.body).toEqual({ data: [] });
    });

    it('does not run the worker when CONVERSIONS_WORKER_ENABLED=false', async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(fake.requests).toHaveLength(0);
    });

    it('POSTs one batch to <graphApiBaseUrl>/<datasetId>/events and marks the conversions sent', async () => {
      expect(await worker.drain()).toEqual({ sent: 3, retrying: 0, failed: 0, skipped: 0 });
      expect(fake.requests).toHaveLength(1);
      const [request] = fake.requests;
      const items = (await conversions()).items as Item[];
      const byTime = [...items].sort((a, b) => a.payload.event_time - b.payload.event_time);
      expect(request).toEqual({
        method: 'POST',
        path: '/v21.0/987654321/events',
        query: { access_token: TOKEN },
        body: { data: byTime.map((c) => c.payload) },
      });
      for (const c of items) expect(c).toMatchObject({ status: 'sent', attempts: 1, sentAt: NOW.toISOString() });
      expect(await worker.drain()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
      expect(fake.requests).toHaveLength(1);
    });

    it('retries a failed delivery with backoff, keeping the error (never the token)', async () => {
      const saleId = await sell('TH', 50, '2026-03-15T10:00:00Z');
      fake.failNext(500, { error: { message: `Temporarily unavailable for ${TOKEN}`, code: 2 } });
      expect(await worker.drain()).toEqual({ sent: 0, retrying: 1, failed: 0, skipped: 0 });
      expect(await conversionOf(`purchase:${saleId}`)).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'Graph API answered 500: Temporarily unavailable for *** (code 2)',
        nextAttemptAt: '2026-03-15T15:01:00.000Z',
        sentAt: null,
      });
      expect(await worker.drain()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
      clock.freeze(new Date('2026-03-15T15:01:00Z'));
      expect(await worker.drain()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
      expect(await conversionOf(`purchase:${saleId}`)).toMatchObject({
        status: 'sent',
        attempts: 2,
        lastError: null,
        sentAt: '2026-03-15T15:01:00.000Z',
      });
      expect(fake.requests.at(-1)!.body.data).toEqual([purchase(saleId, 'CTWA-H', 1773568800, 50)]);
      clock.freeze(NOW);
    });

    it('gives up after the maximum attempts and marks the conversion failed with the last error', async () => {
      const saleId = await sell('TH', 75, '2026-03-15T11:00:00Z');
      fake.alwaysFail = { status: 400, body: { error: { message: 'Invalid parameter', code: 100 } } };
      const delays: number[] = [];
      for (let attempt = 1; attempt <= 8; attempt += 1) {
        const result = await worker.drain();
        expect(result).toEqual(
          attempt < 8
            ? { sent: 0, retrying: 1, failed: 0, skipped: 0 }
            : { sent: 0, retrying: 0, failed: 1, skipped: 0 },
        );
        const c = await conversionOf(`purchase:${saleId}`);
        delays.push((Date.parse(c.nextAttemptAt as string) - clock.now().getTime()) / 1000);
        clock.freeze(new Date(c.nextAttemptAt as string));
      }
      expect(delays.slice(0, 7)).toEqual([60, 120, 240, 480, 960, 1920, 3840]);
      expect(await conversionOf(`purchase:${saleId}`)).toMatchObject({
        status: 'failed',
        attempts: 8,
        lastError: 'Graph API answered 400: Invalid parameter (code 100)',
      });
      const before = fake.requests.length;
      clock.freeze(new Date(clock.now().getTime() + 24 * 3600_000));
      expect(await worker.drain()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
      expect(fake.requests).toHaveLength(before);
      fake.alwaysFail = null;
      clock.freeze(NOW);
    });

    it('skips what Meta would refuse: events older than 7 days, sales deleted before sending', async () => {
      const old = await sell('TH', 10, '2026-03-08T14:59:59Z');
      const deleted = await sell('TH', 20, '2026-03-15T12:00:00Z');
      await t.http.delete(`/api/v1/sales/${deleted}`).set(owner.bearer).expect(204);
      const before = fake.requests.length;
      expect(await worker.drain()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 2 });
      expect(fake.requests).toHaveLength(before);
      expect(await conversionOf(`purchase:${old}`)).toMatchObject({
        status: 'skipped',
        lastError: 'The event is more than 7 days old: Meta no longer accepts it',
      });
      expect(await conversionOf(`purchase:${deleted}`)).toMatchObject({
        status: 'skipped',
        saleId: null,
        lastError: 'The sale was deleted before it was sent',
      });
    });

    it('keeps queued conversions while disabled, queues nothing new, and sends them once enabled again', async () => {
      const queued = await sell('TH', 30, '2026-03-15T12:00:00Z');
      await putSettings(settingsBody({ enabled: false })).expect(200);
      const notQueued = await sell('TH', 40, '2026-03-15T12:30:00Z');
      const before = fake.requests.length;
      expect(await worker.drain()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
      expect(fake.requests).toHaveLength(before);
      expect(await conversionOf(`purchase:${notQueued}`)).toBeUndefined();
      await putSettings(settingsBody({ enabled: true })).expect(200);
      expect(await worker.drain()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
      expect(await conversionOf(`purchase:${queued}`)).toMatchObject({ status: 'sent' });
    });

    it('sends at most 100 events per request', async () => {
      await t.dataSource.query(
        `INSERT INTO conversions (organization_id, ticket_id, kind, event_name, event_id, event_time, value, currency,
           ctwa_clid, next_attempt_at, payload)
         SELECT organization_id, id, 'purchase', 'Purchase', 'bulk:' || n, $2, 1, 'BRL', 'CTWA-A', $2,
                jsonb_build_object('event_name', 'Purchase', 'event_id', 'bulk:' || n, 'event_time', 1773586800)
         FROM tickets, generate_series(1, 150) AS n WHERE id = $1`,
        [ids.TA, NOW],
      );
      // A purchase without a sale counts as deleted (skipped): point these rows at an existing sale.
      await t.dataSource.query(`UPDATE conversions SET sale_id = $1 WHERE event_id LIKE 'bulk:%'`, [saleA]);
      const before = fake.requests.length;
      expect(await worker.drain()).toEqual({ sent: 150, retrying: 0, failed: 0, skipped: 0 });
      expect(fake.requests.slice(before).map((r) => r.body.data.length)).toEqual([100, 50]);
    });

    it('lists with filters, pages and keeps organizations apart', async () => {
      const sent = await conversions({ status: 'sent', pageSize: '5' });
      expect(sent).toMatchObject({ page: 1, pageSize: 5 });
      expect(sent.items).toHaveLength(5);
      expect((await conversions({ status: 'failed' })).total).toBe(1);
      expect((await conversions({ status: 'skipped' })).total).toBe(2);
      expect((await conversions({ kind: 'stage' })).total).toBe(1);
      expect((await conversions({ ticketId: ids.TB })).total).toBe(0);
      expect((await conversions({}, other)).total).toBe(0);
      for (const [query, field] of [
        [{ status: 'done' }, 'status'],
        [{ kind: 'lead' }, 'kind'],
        [{ ticketId: 'x' }, 'ticketId'],
      ] as [Record<string, string>, string][]) {
        const res = await t.http.get('/api/v1/conversions').query(query).set(owner.bearer).expect(400);
        expect(res.body.details.map((d: Item) => d.field)).toContain(field);
      }
    });
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
          accessToken: TOKEN,
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
