import { Clock } from '../../src/common/clock/clock';
import { Db } from '../../src/database/db';
import { LeadsRepository } from '../../src/modules/leads/leads.repository';
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
 * Five tickets around "now" = 2026-03-15 12:00 in São Paulo (15:00Z), placed on both sides of day, month and
 * year boundaries in São Paulo time (which differ from the UTC ones).
 */
describe('GET /tickets and /tickets/inbounds', () => {
  let t: TestApp;
  let owner: Account;
  let agent: Account;
  let stages: StageRef[];
  const ids: Record<string, string> = {};

  const setCreatedAt = (id: string, iso: string) =>
    t.dataSource.query('UPDATE tickets SET created_at = $2 WHERE id = $1', [id, iso]);

  beforeAll(async () => {
    t = await createTestApp();
    t.app.get(Clock).freeze(new Date('2026-03-15T15:00:00Z'));
    owner = await registerAccount(t, 'Loja Filtros');
    agent = await addUser(t, owner, 'agent');
    await createInstance(t, owner);
    stages = await listStages(t, owner);
    const [novo, andamento, fechado] = stages as [StageRef, StageRef, StageRef];
    const specs: [string, Record<string, unknown>, string][] = [
      [
        'T1',
        {
          lead: { name: 'João Silva', phone: '+5511999998888' },
          ticket: {
            utmSource: 'google',
            utmMedium: 'cpc',
            utmCampaign: 'lead_gen',
            gclid: 'G-1',
            stageId: novo.id,
            dealValue: 1500,
          },
        },
        '2026-03-15T13:00:00Z',
      ],
      [
        'T2',
        {
          lead: { name: 'Márcia Conceição', email: 'marcia@email.com' },
          ticket: {
            utmSource: 'facebook',
            fbclid: 'F-2',
            stageId: andamento.id,
            assigneeId: agent.userId,
            dealValue: 800,
          },
        },
        '2026-03-15T02:30:00Z',
      ],
      [
        'T3',
        { lead: { name: 'Pedro Alves', phone: '+5521988887777' }, ticket: { stageId: fechado.id, dealValue: 300 } },
        '2026-03-01T03:30:00Z',
      ],
      [
        'T4',
        {
          lead: { name: 'Ana Lima', phone: '+5531977776666' },
          ticket: { utmSource: 'google', utmMedium: 'organic', stageId: novo.id },
        },
        '2026-03-01T02:00:00Z',
      ],
      [
        'T5',
        {
          lead: { name: 'Bruno Costa', phone: '+5541966665555' },
          ticket: { utmSource: 'tiktok', ttclid: 'T-5', stageId: andamento.id, dealValue: 5000 },
        },
        '2026-01-01T01:00:00Z',
      ],
    ];
    for (const [name, body, createdAt] of specs) {
      ids[name] = (await createTicket(t, owner, body)).id;
      await setCreatedAt(ids[name], createdAt);
    }
    await t.http.post(`/api/v1/tickets/${ids.T3}/sales`).set(owner.bearer).send({ value: 250 }).expect(201);
    await t.http.post(`/api/v1/tickets/${ids.T4}/sales`).set(owner.bearer).send({ value: 100 }).expect(201);
    await t.http.post(`/api/v1/tickets/${ids.T4}/sales`).set(owner.bearer).send({ value: 50.5 }).expect(201);
    // Noise in another organization that must never show up.
    const other = await registerAccount(t, 'Outra');
    await createInstance(t, other);
    await createTicket(t, other, {
      lead: { name: 'João Silva', phone: '+5511999998888' },
      ticket: { utmSource: 'bing' },
    });
  });

  afterAll(async () => {
    await t.close();
  });

  const list = async (query: Record<string, string | number | boolean> = {}): Promise<Item> =>
    (await t.http.get('/api/v1/tickets').query(query).set(owner.bearer).expect(200)).body as Item;
  const names = (body: Item): string[] =>
    (body.items as Item[]).map((i) => Object.keys(ids).find((k) => ids[k] === i.id)!);

  it('answers the PRD shape with facets and summary, newest first', async () => {
    const body = await list();
    expect(names(body)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    expect(body).toMatchObject({
      total: 5,
      page: 1,
      pageSize: 20,
      origins: ['facebook', 'google', 'tiktok'],
      sources: ['paid', 'organic'],
      summary: { total: 5, withSales: 2, dealValueOpen: 7300, dealValueTotal: 7600 },
    });
    // The origins are the organization's, whichever statement answers the summary (queue cells, rollups, a count).
    const queries: Record<string, string>[] = [
      { source: 'paid' },
      { q: 'Silva' },
      { status: 'open', source: 'organic' },
    ];
    for (const query of queries) {
      expect([query, (await list(query)).origins]).toEqual([query, ['facebook', 'google', 'tiktok']]);
    }
    expect(body.stages.map((s: Item) => [s.name, s.color, s.order])).toEqual([
      ['Novo', '#3b82f6', 0],
      ['Em Andamento', '#f59e0b', 1],
      ['Fechado', '#10b981', 2],
    ]);
    expect(body.items[0]).toEqual({
      id: ids.T1,
      leadId: expect.any(String),
      leadName: 'João Silva',
      leadPhone: '+5511999998888',
      utmSource: 'google',
      sourceType: 'paid',
      platform: 'google_ads',
      stage: { id: stages[0].id, name: 'Novo', color: '#3b82f6' },
      assigneeId: null,
      assigneeName: null,
      dealValue: 1500,
      messagesCount: 0,
      salesCount: 0,
      totalValue: 0,
      status: 'open',
      createdAt: '2026-03-15T13:00:00.000Z',
      updatedAt: expect.any(String),
      lastMessageAt: null,
      lastMessagePreview: null,
      lastMessageType: null,
      lastMessageDirection: null,
      unreadCount: 0,
      waitingSince: null,
    });
    expect(body.items.find((i: Item) => i.id === ids.T4)).toMatchObject({ salesCount: 2, totalValue: 150.5 });
  });

  it.each([
    ['today', ['T1']],
    ['yesterday', ['T2']],
    ['7d', ['T1', 'T2']],
    ['30d', ['T1', 'T2', 'T3', 'T4']],
    ['90d', ['T1', 'T2', 'T3', 'T4', 'T5']],
    ['thisMonth', ['T1', 'T2', 'T3']],
    ['lastMonth', ['T4']],
    ['thisYear', ['T1', 'T2', 'T3', 'T4']],
    ['all', ['T1', 'T2', 'T3', 'T4', 'T5']],
  ])('dateRange=%s counts days in São Paulo time', async (dateRange, expected) => {
    const body = await list({ dateRange });
    expect(names(body)).toEqual(expected);
    expect(body.total).toBe(expected.length);
    expect(body.summary.total).toBe(expected.length);
  });

  it('takes a custom range of inclusive calendar days', async () => {
    expect(names(await list({ dateFrom: '2026-03-01', dateTo: '2026-03-14' }))).toEqual(['T2', 'T3']);
    expect(names(await list({ dateFrom: '2026-03-15' }))).toEqual(['T1']);
  });

  it('filters by stage, origin, source, sales and assignee', async () => {
    expect(names(await list({ stageId: stages[0].id }))).toEqual(['T1', 'T4']);
    expect(names(await list({ origin: 'google' }))).toEqual(['T1', 'T4']);
    expect(names(await list({ source: 'paid' }))).toEqual(['T1', 'T2', 'T5']);
    expect(names(await list({ source: 'organic' }))).toEqual(['T3', 'T4']);
    expect(names(await list({ hasSales: true }))).toEqual(['T3', 'T4']);
    expect(names(await list({ hasSales: false }))).toEqual(['T1', 'T2', 'T5']);
    expect(names(await list({ assigneeId: agent.userId }))).toEqual(['T2']);
    expect(names(await list({ assigneeId: 'none' }))).toEqual(['T1', 'T3', 'T4', 'T5']);
    expect(names(await list({ origin: 'google', hasSales: true }))).toEqual(['T4']);
    expect(names(await list({ stageId: 'clxyz123' }))).toEqual([]);
  });

  it('computes the summary under the same filters', async () => {
    expect((await list({ source: 'paid' })).summary).toEqual({
      total: 3,
      withSales: 0,
      dealValueOpen: 7300,
      dealValueTotal: 7300,
    });
    expect((await list({ origin: 'google' })).summary).toEqual({
      total: 2,
      withSales: 1,
      dealValueOpen: 1500,
      dealValueTotal: 1500,
    });
  });

  it('searches lead names without accents or case, phone digits, ticket id and assignee name', async () => {
    expect(names(await list({ q: 'joao' }))).toEqual(['T1']);
    expect(names(await list({ q: 'CONCEICAO' }))).toEqual(['T2']);
    expect(names(await list({ q: 'silv' }))).toEqual(['T1']);
    expect(names(await list({ q: '99998' }))).toEqual(['T1']);
    expect(names(await list({ q: '(21) 98888' }))).toEqual(['T3']);
    expect(names(await list({ q: ids.T3 }))).toEqual(['T3']);
    expect(names(await list({ q: 'agente' }))).toEqual(['T2']);
    expect(names(await list({ q: '100%_' }))).toEqual([]);
  });

  it('searches one or two characters at the start of names only, so a first keystroke stays cheap', async () => {
    expect(names(await list({ q: 'jo' }))).toEqual(['T1']);
    expect(names(await list({ q: 'M' }))).toEqual(['T2']);
    expect(names(await list({ q: 'a' }))).toEqual(['T2', 'T4']); // Ana Lima, and the assignee "Agente …" of T2
    expect(names(await list({ q: 'il' }))).toEqual([]); // inside "Silva" and "Lima", at the start of neither
    expect(names(await list({ q: 'ilv' }))).toEqual(['T1']);
  });

  it('looks up what a search matches in one row: the lead ids, none, or null past the cap', async () => {
    const leads = t.app.get(LeadsRepository);
    const db = t.app.get(Db);
    const organizationId = owner.organizationId;
    const [silva] = (await list({ q: 'silva' })).items as Item[];
    expect(await leads.findIdsMatching(db, { organizationId, q: 'silva', max: 1 })).toEqual([silva!.leadId]);
    expect(await leads.findIdsMatching(db, { organizationId, q: 'ninguem', max: 1 })).toEqual([]);
    // Past the cap the listing keeps the match a subquery, and no id list is shipped at all.
    expect(await leads.findIdsMatching(db, { organizationId, q: 'silva', max: 0 })).toBeNull();
  });

  it('sorts and pages', async () => {
    expect(names(await list({ sort: 'dealValue' }))).toEqual(['T4', 'T3', 'T2', 'T1', 'T5']);
    expect(names(await list({ sort: '-dealValue' }))).toEqual(['T5', 'T1', 'T2', 'T3', 'T4']);
    expect(names(await list({ sort: 'createdAt' }))).toEqual(['T5', 'T4', 'T3', 'T2', 'T1']);
    const page2 = await list({ page: 2, pageSize: 2 });
    expect(names(page2)).toEqual(['T3', 'T4']);
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(names(await list({ page: 4, pageSize: 2 }))).toEqual([]);
  });

  it('rejects bad query parameters with 400 naming them', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ pageSize: '101' }, 'pageSize'],
      [{ page: '0' }, 'page'],
      [{ dateRange: 'ontem' }, 'dateRange'],
      [{ dateFrom: '15/03/2026' }, 'dateFrom'],
      [{ source: 'ads' }, 'source'],
      [{ hasSales: 'sim' }, 'hasSales'],
      [{ sort: 'name' }, 'sort'],
      [{ assigneeId: 'x' }, 'assigneeId'],
      [{ waiting: 'sim' }, 'waiting'],
      [{ unread: '1' }, 'unread'],
      [{ status: 'pending' }, 'status'],
      [{ foo: 'bar' }, 'foo'],
    ];
    for (const [query, field] of cases) {
      const res = await t.http.get('/api/v1/tickets').query(query).set(owner.bearer).expect(400);
      expect(res.body.details.map((d: Item) => d.field)).toContain(field);
    }
  });

  it('exports every matching ticket as CSV, streamed, with formulas neutralized', async () => {
    const res = await t.http
      .get('/api/v1/tickets/export.csv')
      .query({ source: 'paid', pageSize: 1 })
      .set(owner.bearer)
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('tickets.csv');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'id,createdAt,leadName,leadPhone,utmSource,utmMedium,utmCampaign,sourceType,platform,stage,status,assigneeName,dealValue,messagesCount,salesCount,totalValue',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(
      `${ids.T1},2026-03-15T13:00:00.000Z,João Silva,+5511999998888,google,cpc,lead_gen,paid,google_ads,Novo,open,,1500.00,0,0,0.00`,
    );
  });

  it('lists inbounds with click ids, UTMs and platform under the same filters', async () => {
    const res = await t.http.get('/api/v1/tickets/inbounds').query({ source: 'paid' }).set(owner.bearer).expect(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items[0]).toEqual({
      id: ids.T1,
      status: 'open',
      gclid: 'G-1',
      fbclid: null,
      ctwaclid: null,
      utmSource: 'google',
      utmMedium: 'cpc',
      utmCampaign: 'lead_gen',
      utmTerm: null,
      utmContent: null,
      platform: 'google_ads',
      sourceType: 'paid',
      identifiers: { gclid: 'G-1' },
      leadId: expect.any(String),
      leadName: 'João Silva',
      createdAt: '2026-03-15T13:00:00.000Z',
    });
    expect(res.body.items[1]).toMatchObject({ fbclid: 'F-2', identifiers: { fbclid: 'F-2' }, platform: 'meta_ads' });
    expect(res.body.items[2]).toMatchObject({ gclid: null, identifiers: { ttclid: 'T-5' }, platform: 'tiktok_ads' });
  });
});
