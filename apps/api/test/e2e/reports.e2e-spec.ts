import { Clock } from '../../src/common/clock/clock';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  addUser,
  createInstance,
  createTicket,
  listStages,
  registerAccount,
  type Account,
  type StageRef,
} from '../support/fixtures';

type Item = Record<string, any>;

/**
 * A hand-computed month in São Paulo (UTC-3), "now" = 2026-03-15 12:00 there. March 2026 in São Paulo is
 * [2026-03-01T03:00Z, 2026-04-01T03:00Z): T2 (created 2026-03-01T02:30Z) and S1 (sold 2026-03-01T02:00Z) are still
 * February there, while T3 and S3 (after 03:00Z) are March.
 *
 * | ticket | created (São Paulo) | tracking                                   | stage now     | deal  | sales (sold, SP)                 |
 * |--------|---------------------|--------------------------------------------|---------------|-------|----------------------------------|
 * | T1     | Feb 27 12:00        | google / cpc / brand, gclid G1             | Novo          | 1000  | S1 1200 (Feb 28 23:00), S5 800 (Mar 5) |
 * | T2     | Feb 28 23:30        | google / cpc / lead_gen, gclid + gbraid    | Em Andamento  | 500   | S2 450.50 (Mar 3)                |
 * | T3     | Mar 1 00:30         | google / cpc / lead_gen, gbraid + wbraid   | Fechado       | 0     | S3 300 (Mar 1 00:10)             |
 * | T4     | Mar 2 09:00         | facebook / - / ctwa_marco, ctwaclid, ad 42 | Em Andamento  | 2000  | S4 2500 (Mar 14 19:00)           |
 * | T5     | Mar 10 17:00        | facebook / - / ctwa_marco, ctwaclid        | Novo          | 0     | -                                |
 * | T6     | Mar 5 10:00         | none (organic)                             | Novo          | 300   | -                                |
 * | T7     | Mar 12 11:00        | google / cpc / brand, wbraid               | Novo          | 700   | S6 150 (Mar 13 09:00)            |
 *
 * T4 is assigned to the agent; T3 went Novo -> Em Andamento -> Fechado, T4 Novo -> Em Andamento.
 * Ad spend (calendar days): google brand Feb 28 100, Mar 1 200; google lead_gen Mar 1 150.50; meta ctwa_marco
 * Mar 2 300, Mar 31 100, Apr 1 999; meta brand Mar 10 40; tiktok tt_teste Mar 5 50.
 */
describe('GET /reports', () => {
  let t: TestApp;
  let owner: Account;
  let agent: Account;
  let stages: StageRef[];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ CONVERSIONS_WORKER_ENABLED: 'false' });
    t.app.get(Clock).freeze(new Date('2026-03-15T15:00:00Z'));
    owner = await registerAccount(t, 'Loja Relatórios');
    agent = await addUser(t, owner, 'agent');
    await createInstance(t, owner);
    stages = await listStages(t, owner);
    const [novo, andamento, fechado] = stages as [StageRef, StageRef, StageRef];
    const google = (campaign: string) => ({ utmSource: 'google', utmMedium: 'cpc', utmCampaign: campaign });
    const meta = { utmSource: 'facebook', utmCampaign: 'ctwa_marco' };
    const specs: [string, Record<string, unknown>, string][] = [
      ['T1', { ...google('brand'), gclid: 'G1', dealValue: 1000 }, '2026-02-27T15:00:00Z'],
      [
        'T2',
        { ...google('lead_gen'), gclid: 'G2', gbraid: 'GB2', stageId: andamento.id, dealValue: 500 },
        '2026-03-01T02:30:00Z',
      ],
      ['T3', { ...google('lead_gen'), gbraid: 'GB3', wbraid: 'WB3' }, '2026-03-01T03:30:00Z'],
      ['T4', { ...meta, ctwaclid: 'C4', assigneeId: agent.userId, dealValue: 2000 }, '2026-03-02T12:00:00Z'],
      ['T5', { ...meta, ctwaclid: 'C5' }, '2026-03-10T20:00:00Z'],
      ['T6', { dealValue: 300 }, '2026-03-05T13:00:00Z'],
      ['T7', { ...google('brand'), wbraid: 'WB7', dealValue: 700 }, '2026-03-12T14:00:00Z'],
    ];
    let n = 0;
    for (const [name, ticket, createdAt] of specs) {
      n += 1;
      const body = {
        lead: { name: `Cliente ${name}`, phone: `+55119876500${n}0` },
        ticket: { stageId: novo.id, ...ticket },
      };
      ids[name] = (await createTicket(t, owner, body)).id;
      await t.dataSource.query('UPDATE tickets SET created_at = $2 WHERE id = $1', [ids[name], createdAt]);
    }
    await t.dataSource.query(`UPDATE ticket_trackings SET ad_id = '42' WHERE ticket_id = $1`, [ids.T4]);
    const move = (name: string, stageId: string) =>
      t.http.patch(`/api/v1/tickets/${ids[name]}`).set(owner.bearer).send({ stageId }).expect(200);
    await move('T3', andamento.id);
    await move('T3', fechado.id);
    await move('T4', andamento.id);
    const sales: [string, number, string][] = [
      ['T1', 1200, '2026-03-01T02:00:00Z'],
      ['T2', 450.5, '2026-03-03T18:00:00Z'],
      ['T3', 300, '2026-03-01T03:10:00Z'],
      ['T4', 2500, '2026-03-14T22:00:00Z'],
      ['T1', 800, '2026-03-05T12:00:00Z'],
      ['T7', 150, '2026-03-13T12:00:00Z'],
    ];
    for (const [name, value, soldAt] of sales) {
      await t.http.post(`/api/v1/tickets/${ids[name]}/sales`).set(owner.bearer).send({ value, soldAt }).expect(201);
    }
    const spend = (date: string, platform: string, campaign: string, amount: number) => ({
      date,
      platform,
      campaign,
      spend: amount,
    });
    await t.http
      .post('/api/v1/ad-spend')
      .set(owner.bearer)
      .send({
        rows: [
          spend('2026-02-28', 'google_ads', 'brand', 100),
          spend('2026-03-01', 'google_ads', 'brand', 200),
          spend('2026-03-01', 'google_ads', 'lead_gen', 150.5),
          spend('2026-03-02', 'meta_ads', 'ctwa_marco', 300),
          spend('2026-03-31', 'meta_ads', 'ctwa_marco', 100),
          spend('2026-04-01', 'meta_ads', 'ctwa_marco', 999),
          spend('2026-03-10', 'meta_ads', 'brand', 40),
          spend('2026-03-05', 'tiktok_ads', 'tt_teste', 50),
        ],
      })
      .expect(200);
    // Another organization with the same campaigns: none of it may show up.
    const other = await registerAccount(t, 'Outra Loja');
    await createInstance(t, other);
    const foreign = await createTicket(t, other, {
      lead: { name: 'Outro', phone: '+5511987659999' },
      ticket: { ...google('brand'), gclid: 'X1' },
    });
    await t.http
      .post(`/api/v1/tickets/${foreign.id as string}/sales`)
      .set(other.bearer)
      .send({ value: 9999, soldAt: '2026-03-05T12:00:00Z' })
      .expect(201);
    await t.http
      .post('/api/v1/ad-spend')
      .set(other.bearer)
      .send({ rows: [spend('2026-03-05', 'google_ads', 'brand', 7777)] })
      .expect(200);
  });

  afterAll(async () => {
    await t.close();
  });

  const report = async (path: string, query: Record<string, string> = {}): Promise<Item> =>
    (await t.http.get(`/api/v1/reports/${path}`).query(query).set(owner.bearer).expect(200)).body as Item;

  const row = (
    key: string,
    label: string,
    m: [number, number, number | null, number, number, number, number | null, number | null, number | null],
  ) => ({
    key,
    label,
    tickets: m[0],
    ticketsWithSales: m[1],
    conversionRate: m[2],
    salesCount: m[3],
    revenue: m[4],
    dealValueOpen: m[5],
    spend: m[6],
    cpl: m[7],
    roas: m[8],
  });
  const totals = (m: Parameters<typeof row>[2]) => {
    const { key: _k, label: _l, ...rest } = row('', '', m);
    return rest;
  };
  // March: 5 tickets (T3..T7), 3 with sales, 5 sales worth 4200.50, 3000 open, 840.50 spent.
  const MARCH_TOTALS = totals([5, 3, 0.6, 5, 4200.5, 3000, 840.5, 168.1, 4.9976]);

  describe('attribution', () => {
    it('groups by platform: tickets by creation, revenue by soldAt, spend per platform, "(none)" kept', async () => {
      const body = await report('attribution', { dateRange: 'thisMonth' });
      expect(body).toEqual({
        groupBy: 'platform',
        period: { from: '2026-03-01T03:00:00.000Z', to: '2026-04-01T03:00:00.000Z' },
        timezone: 'America/Sao_Paulo',
        currency: 'BRL',
        rows: [
          row('meta_ads', 'Meta Ads', [2, 1, 0.5, 1, 2500, 2000, 440, 220, 5.6818]),
          row('google_ads', 'Google Ads', [2, 2, 1, 4, 1700.5, 700, 350.5, 175.25, 4.8516]),
          row('tiktok_ads', 'TikTok Ads', [0, 0, null, 0, 0, 0, 50, null, 0]),
          row('(none)', '(none)', [1, 0, 0, 0, 0, 300, null, null, null]),
        ],
        totals: MARCH_TOTALS,
      });
    });

    it('groups by campaign with spend matched on utmCampaign, summed across platforms', async () => {
      const body = await report('attribution', { dateRange: 'thisMonth', groupBy: 'utmCampaign' });
      expect(body.rows).toEqual([
        row('ctwa_marco', 'ctwa_marco', [2, 1, 0.5, 1, 2500, 2000, 400, 200, 6.25]),
        row('brand', 'brand', [1, 1, 1, 2, 950, 700, 240, 240, 3.9583]),
        row('lead_gen', 'lead_gen', [1, 1, 1, 2, 750.5, 0, 150.5, 150.5, 4.9867]),
        row('tt_teste', 'tt_teste', [0, 0, null, 0, 0, 0, 50, null, 0]),
        row('(none)', '(none)', [1, 0, 0, 0, 0, 300, null, null, null]),
      ]);
      expect(body.totals).toEqual(MARCH_TOTALS);
    });

    it('restricts tickets, sales and spend to a platform filter', async () => {
      const body = await report('attribution', {
        dateRange: 'thisMonth',
        groupBy: 'utmCampaign',
        platform: 'google_ads',
      });
      expect(body.rows).toEqual([
        row('brand', 'brand', [1, 1, 1, 2, 950, 700, 200, 200, 4.75]),
        row('lead_gen', 'lead_gen', [1, 1, 1, 2, 750.5, 0, 150.5, 150.5, 4.9867]),
      ]);
      expect(body.totals).toEqual(totals([2, 2, 1, 4, 1700.5, 700, 350.5, 175.25, 4.8516]));
    });

    it('groups by source type, UTM source and medium, and ad id (spend only in the totals)', async () => {
      expect((await report('attribution', { dateRange: 'thisMonth', groupBy: 'sourceType' })).rows).toEqual([
        row('paid', 'paid', [4, 3, 0.75, 5, 4200.5, 2700, null, null, null]),
        row('organic', 'organic', [1, 0, 0, 0, 0, 300, null, null, null]),
      ]);
      const bySource = await report('attribution', { dateRange: 'thisMonth', groupBy: 'utmSource' });
      expect(bySource.rows).toEqual([
        row('facebook', 'facebook', [2, 1, 0.5, 1, 2500, 2000, null, null, null]),
        row('google', 'google', [2, 2, 1, 4, 1700.5, 700, null, null, null]),
        row('(none)', '(none)', [1, 0, 0, 0, 0, 300, null, null, null]),
      ]);
      expect(bySource.totals).toEqual(MARCH_TOTALS);
      expect((await report('attribution', { dateRange: 'thisMonth', groupBy: 'utmMedium' })).rows).toEqual([
        row('cpc', 'cpc', [2, 2, 1, 4, 1700.5, 700, null, null, null]),
        row('(none)', '(none)', [3, 1, 0.3333, 1, 2500, 2300, null, null, null]),
      ]);
      expect((await report('attribution', { dateRange: 'thisMonth', groupBy: 'adId' })).rows).toEqual([
        row('42', '42', [1, 1, 1, 1, 2500, 2000, null, null, null]),
        row('(none)', '(none)', [4, 2, 0.5, 4, 1700.5, 1000, null, null, null]),
      ]);
    });

    it('groups by stage in board order and by assignee with names', async () => {
      const [novo, andamento, fechado] = stages;
      expect((await report('attribution', { dateRange: 'thisMonth', groupBy: 'stage' })).rows).toEqual([
        row(novo.id, 'Novo', [3, 1, 0.3333, 2, 950, 1000, null, null, null]),
        row(andamento.id, 'Em Andamento', [1, 1, 1, 2, 2950.5, 2000, null, null, null]),
        row(fechado.id, 'Fechado', [1, 1, 1, 1, 300, 0, null, null, null]),
      ]);
      expect((await report('attribution', { dateRange: 'thisMonth', groupBy: 'assignee' })).rows).toEqual([
        row(agent.userId, 'Agente agent', [1, 1, 1, 1, 2500, 2000, null, null, null]),
        row('(none)', '(none)', [4, 2, 0.5, 4, 1700.5, 1000, null, null, null]),
      ]);
    });

    it('counts the February side of the month boundary in São Paulo time', async () => {
      const body = await report('attribution', { dateRange: 'lastMonth' });
      expect(body.period).toEqual({ from: '2026-02-01T03:00:00.000Z', to: '2026-03-01T03:00:00.000Z' });
      // T1 and T2 were created in February; S1 (2026-03-01T02:00Z) was sold on Feb 28 in São Paulo.
      expect(body.rows).toEqual([row('google_ads', 'Google Ads', [2, 2, 1, 1, 1200, 1500, 100, 50, 12])]);
      expect(body.totals).toEqual(totals([2, 2, 1, 1, 1200, 1500, 100, 50, 12]));
    });

    it('answers zeros and nulls, never a division by zero, for an empty period', async () => {
      const body = await report('attribution', { dateFrom: '2025-01-01', dateTo: '2025-01-31' });
      expect(body.rows).toEqual([]);
      expect(body.totals).toEqual(totals([0, 0, null, 0, 0, 0, null, null, null]));
    });

    it('takes the very filters of GET /tickets: same tickets, same totals', async () => {
      const filters: Record<string, string>[] = [
        { dateRange: 'thisMonth' },
        { dateRange: 'thisMonth', origin: 'google' },
        { dateRange: 'thisMonth', source: 'organic' },
        { dateRange: 'thisMonth', hasSales: 'true' },
        { dateRange: 'thisMonth', stageId: stages[0].id },
        { dateRange: 'thisMonth', assigneeId: agent.userId },
        { dateRange: 'thisMonth', q: 'cliente t4' },
        { dateFrom: '2026-02-27', dateTo: '2026-03-01' },
        {},
      ];
      for (const filter of filters) {
        const list = (await t.http.get('/api/v1/tickets').query(filter).set(owner.bearer).expect(200)).body as Item;
        const body = await report('attribution', { ...filter, groupBy: 'stage' });
        expect({ filter, tickets: body.totals.tickets, dealValueOpen: body.totals.dealValueOpen }).toEqual({
          filter,
          tickets: list.summary.total,
          dealValueOpen: list.summary.dealValueOpen,
        });
        expect(body.totals.ticketsWithSales).toBe(list.summary.withSales);
      }
      // Non-date filters also apply to the sales: T4's sale only, under origin=facebook.
      const facebook = await report('attribution', { dateRange: 'thisMonth', origin: 'facebook' });
      expect(facebook.totals).toMatchObject({ tickets: 2, salesCount: 1, revenue: 2500 });
    });

    it('rejects bad parameters with 400 naming them', async () => {
      const cases: [Record<string, string>, string][] = [
        [{ groupBy: 'campaign' }, 'groupBy'],
        [{ platform: 'bing_ads' }, 'platform'],
        [{ dateRange: 'ontem' }, 'dateRange'],
        [{ page: '1' }, 'page'],
        [{ hasSales: 'sim' }, 'hasSales'],
      ];
      for (const [query, field] of cases) {
        const res = await t.http.get('/api/v1/reports/attribution').query(query).set(owner.bearer).expect(400);
        expect(res.body.details.map((d: Item) => d.field)).toContain(field);
      }
      await t.http.get('/api/v1/reports/attribution').expect(401);
    });
  });

  describe('timeseries', () => {
    const march = Array.from({ length: 31 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
    const daily = (values: Record<number, number>) => march.map((_, i) => values[i + 1] ?? 0);

    it('counts tickets per São Paulo day with every day of the month present', async () => {
      const body = await report('timeseries', { dateRange: 'thisMonth', groupBy: 'platform' });
      expect(body).toEqual({
        interval: 'day',
        metric: 'tickets',
        groupBy: 'platform',
        period: { from: '2026-03-01T03:00:00.000Z', to: '2026-04-01T03:00:00.000Z' },
        timezone: 'America/Sao_Paulo',
        currency: 'BRL',
        buckets: march,
        totals: daily({ 1: 1, 2: 1, 5: 1, 10: 1, 12: 1 }),
        series: [
          { key: 'google_ads', label: 'Google Ads', values: daily({ 1: 1, 12: 1 }), total: 2 },
          { key: 'meta_ads', label: 'Meta Ads', values: daily({ 2: 1, 10: 1 }), total: 2 },
          { key: '(none)', label: '(none)', values: daily({ 5: 1 }), total: 1 },
        ],
      });
    });

    it('sums revenue per week (from Monday) by soldAt in São Paulo time', async () => {
      const body = await report('timeseries', {
        metric: 'revenue',
        interval: 'week',
        groupBy: 'sourceType',
        dateFrom: '2026-02-23',
        dateTo: '2026-03-15',
      });
      expect(body).toMatchObject({
        buckets: ['2026-02-23', '2026-03-02', '2026-03-09'],
        // S1 (Feb 28 23:00) and S3 (Sunday Mar 1 00:10) | S2 + S5 | S6 + S4
        totals: [1500, 1250.5, 2650],
        series: [{ key: 'paid', label: 'paid', values: [1500, 1250.5, 2650], total: 5400.5 }],
      });
    });

    it('runs monthly from the first ticket to now without a period, and without groupBy has no series', async () => {
      const body = await report('timeseries', { interval: 'month' });
      expect(body).toMatchObject({
        groupBy: null,
        period: { from: null, to: null },
        buckets: ['2026-02-01', '2026-03-01'],
        totals: [2, 5],
        series: [],
      });
      const empty = await report('timeseries', { dateFrom: '2025-01-01', dateTo: '2025-01-03' });
      expect(empty).toMatchObject({ buckets: ['2025-01-01', '2025-01-02', '2025-01-03'], totals: [0, 0, 0] });
    });

    it('rejects unknown intervals, metrics and groupings', async () => {
      for (const [query, field] of [
        [{ interval: 'year' }, 'interval'],
        [{ metric: 'sales' }, 'metric'],
        [{ groupBy: 'stage' }, 'groupBy'],
      ] as [Record<string, string>, string][]) {
        const res = await t.http.get('/api/v1/reports/timeseries').query(query).set(owner.bearer).expect(400);
        expect(res.body.details.map((d: Item) => d.field)).toContain(field);
      }
    });
  });

  describe('funnel', () => {
    it('counts tickets per stage now and the ones that ever reached each stage', async () => {
      const body = await report('funnel', { dateRange: 'thisMonth' });
      const [novo, andamento, fechado] = stages;
      expect(body).toEqual({
        period: { from: '2026-03-01T03:00:00.000Z', to: '2026-04-01T03:00:00.000Z' },
        timezone: 'America/Sao_Paulo',
        total: 5,
        stages: [
          { stageId: novo.id, name: 'Novo', color: '#3b82f6', order: 0, isClosed: false, current: 3, reached: 5 },
          {
            stageId: andamento.id,
            name: 'Em Andamento',
            color: '#f59e0b',
            order: 1,
            isClosed: false,
            current: 1,
            reached: 2,
          },
          { stageId: fechado.id, name: 'Fechado', color: '#10b981', order: 2, isClosed: true, current: 1, reached: 1 },
        ],
      });
    });

    it('applies the ticket filters', async () => {
      const body = await report('funnel', { origin: 'google' });
      // T1 (Novo), T2 (created in Em Andamento), T3 (Novo -> Em Andamento -> Fechado), T7 (Novo).
      expect(body.total).toBe(4);
      expect(body.stages.map((s: Item) => [s.name, s.current, s.reached])).toEqual([
        ['Novo', 2, 3],
        ['Em Andamento', 1, 2],
        ['Fechado', 1, 1],
      ]);
    });
  });
});
