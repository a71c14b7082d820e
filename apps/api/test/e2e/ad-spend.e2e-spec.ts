import { createTestApp, type TestApp } from '../support/test-app';
import { createApiKey, registerAccount, type Account } from '../support/fixtures';

type Item = Record<string, any>;

describe('/ad-spend', () => {
  let t: TestApp;
  let owner: Account;
  let other: Account;

  beforeAll(async () => {
    t = await createTestApp({ CONVERSIONS_WORKER_ENABLED: 'false' });
    owner = await registerAccount(t, 'Loja Mídia');
    other = await registerAccount(t, 'Outra Loja');
  });

  afterAll(async () => {
    await t.close();
  });

  const list = async (query: Record<string, string | number> = {}, account = owner): Promise<Item> =>
    (await t.http.get('/api/v1/ad-spend').query(query).set(account.bearer).expect(200)).body as Item;
  const rowsOf = (body: Item) => (body.items as Item[]).map((i) => [i.date, i.platform, i.campaign, i.spend]);
  const count = async () =>
    Number((await t.dataSource.query('SELECT count(*) AS n FROM ad_spend'))[0].n as string | number);
  const upload = (csv: string | Buffer, name = 'gastos.csv') =>
    t.http.post('/api/v1/ad-spend').set(owner.bearer).attach('file', Buffer.from(csv), name);

  it('imports JSON rows and lists them newest first with the total', async () => {
    const res = await t.http
      .post('/api/v1/ad-spend')
      .set(owner.bearer)
      .send({
        rows: [
          { date: '2026-03-01', platform: 'google_ads', campaign: 'brand', spend: 200 },
          { date: '2026-03-01', platform: 'meta_ads', campaign: 'ctwa_marco', spend: 80.5 },
          { date: '2026-03-02', platform: 'google_ads', campaign: ' brand ', spend: 0 },
        ],
      })
      .expect(200);
    expect(res.body).toEqual({ received: 3, created: 3, updated: 0 });
    const body = await list();
    expect(rowsOf(body)).toEqual([
      ['2026-03-02', 'google_ads', 'brand', 0],
      ['2026-03-01', 'google_ads', 'brand', 200],
      ['2026-03-01', 'meta_ads', 'ctwa_marco', 80.5],
    ]);
    expect(body).toMatchObject({ total: 3, page: 1, pageSize: 20, totalSpend: 280.5 });
    expect(body.items[0]).toEqual({
      id: expect.any(String),
      date: '2026-03-02',
      platform: 'google_ads',
      platformName: 'Google Ads',
      campaign: 'brand',
      spend: 0,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  it('replaces the spend of a re-imported (date, platform, campaign) instead of doubling it', async () => {
    const res = await t.http
      .post('/api/v1/ad-spend')
      .set(owner.bearer)
      .send({
        rows: [
          { date: '2026-03-01', platform: 'google_ads', campaign: 'brand', spend: 210.25 },
          { date: '2026-03-03', platform: 'google_ads', campaign: 'brand', spend: 90 },
        ],
      })
      .expect(200);
    expect(res.body).toEqual({ received: 2, created: 1, updated: 1 });
    const body = await list({ platform: 'google_ads' });
    expect(rowsOf(body)).toEqual([
      ['2026-03-03', 'google_ads', 'brand', 90],
      ['2026-03-02', 'google_ads', 'brand', 0],
      ['2026-03-01', 'google_ads', 'brand', 210.25],
    ]);
    expect(body.totalSpend).toBe(300.25);
  });

  it('imports a CSV upload: any column order, semicolons, comma decimals, quotes, BOM, CRLF, Windows-1252', async () => {
    const csv =
      '\uFEFFPlatform;Date;Campaign;Spend\r\n' +
      'meta_ads;2026-03-04;"promo; março";12,5\r\n' +
      'TIKTOK_ADS;2026-03-04;tt_teste;1000\r\n' +
      '\r\n';
    expect((await upload(csv).expect(200)).body).toEqual({ received: 2, created: 2, updated: 0 });
    const latin1 = Buffer.from('date,platform,campaign,spend\n2026-03-05,meta_ads,ação,7.10\n', 'latin1');
    expect((await upload(latin1).expect(200)).body).toEqual({ received: 1, created: 1, updated: 0 });
    expect(rowsOf(await list({ dateFrom: '2026-03-04', dateTo: '2026-03-05' }))).toEqual([
      ['2026-03-05', 'meta_ads', 'ação', 7.1],
      ['2026-03-04', 'meta_ads', 'promo; março', 12.5],
      ['2026-03-04', 'tiktok_ads', 'tt_teste', 1000],
    ]);
    // The same file again replaces, never doubles.
    expect((await upload(csv).expect(200)).body).toEqual({ received: 2, created: 0, updated: 2 });
    expect((await list({ campaign: 'tt_teste' })).totalSpend).toBe(1000);
  });

  it('rejects a CSV with a bad row naming the row and writes nothing', async () => {
    const before = await count();
    const csv = [
      'date,platform,campaign,spend',
      '2026-03-10,google_ads,brand,10',
      '2026-03-10,meta_ads,ctwa,20',
      '2026-03-11,google_ads,brand,30',
      '2026-03-11,google_ads,lead_gen,-5',
    ].join('\n');
    const res = await upload(csv).expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid_input',
      message: 'row 4: spend must be a number ≥ 0 with at most 2 decimals',
      details: [
        {
          field: 'rows[3].spend',
          code: 'invalid_value',
          message: 'row 4: spend must be a number ≥ 0 with at most 2 decimals',
        },
      ],
    });
    expect(await count()).toBe(before);
  });

  it('lists every problem of a file at once', async () => {
    const csv = [
      'date,platform,campaign,spend',
      '2026-02-30,google_ads,brand,10',
      '2026-03-10,bing_ads,brand,1.234',
      '2026-03-10,google_ads,,abc',
      '2026-03-12,google_ads,x,1',
      '2026-03-12,google_ads,x,2',
      '2026-03-13,google_ads,x',
    ].join('\n');
    const res = await upload(csv).expect(400);
    expect(res.body.message).toBe('row 1: date must be a calendar date such as 2026-03-01 (and 6 more problems)');
    expect(res.body.details).toMatchObject([
      { field: 'rows[0].date', message: 'row 1: date must be a calendar date such as 2026-03-01' },
      {
        field: 'rows[1].platform',
        message: 'row 2: platform must be one of google_ads, meta_ads, tiktok_ads',
      },
      { field: 'rows[1].spend', message: 'row 2: spend must be a number ≥ 0 with at most 2 decimals' },
      { field: 'rows[2].campaign', message: 'row 3: campaign must be a text of 1 to 255 characters' },
      { field: 'rows[2].spend', message: 'row 3: spend must be a number ≥ 0 with at most 2 decimals' },
      { field: 'rows[4]', message: 'row 5: repeats the date, platform and campaign of row 4' },
      { field: 'rows[5]', message: 'row 6: has 3 field(s) but the header has 4 (line 7)' },
    ]);
  });

  it('rejects files without the required columns, malformed CSV, empty files and a missing file', async () => {
    const cases: [string, string][] = [
      ['date,platform,spend\n2026-03-01,google_ads,1', 'missing: campaign'],
      ['date,platform,campaign,spend\n2026-03-01,google_ads,"brand,1', 'line 2: a quoted field is never closed'],
      ['date,platform,campaign,spend\n', 'file must have a header line'],
      ['', 'file must have a header line'],
    ];
    for (const [csv, message] of cases) {
      const res = await upload(csv).expect(400);
      expect(res.body.details).toMatchObject([{ field: 'file', message: expect.stringContaining(message) }]);
    }
    const res = await t.http.post('/api/v1/ad-spend').set(owner.bearer).field('note', 'x').expect(400);
    expect(res.body.details).toMatchObject([{ field: 'file', message: expect.stringContaining('file is required') }]);
    await upload(Buffer.alloc(5 * 1024 * 1024 + 1, 'a')).expect(413);
  });

  it('validates JSON bodies row by row with the same messages', async () => {
    const post = (body: unknown) =>
      t.http
        .post('/api/v1/ad-spend')
        .set(owner.bearer)
        .send(body as object);
    expect((await post({}).expect(400)).body.details).toMatchObject([
      { field: 'rows', message: 'rows must be an array of {date, platform, campaign, spend}' },
    ]);
    expect((await post({ rows: [] }).expect(400)).body.details).toMatchObject([
      { field: 'rows', message: 'rows must contain at least one row' },
    ]);
    expect((await post({ rows: [{}], extra: 1 }).expect(400)).body.details).toMatchObject([
      { field: 'extra', message: 'property extra should not exist' },
    ]);
    const res = await post({
      rows: [
        { date: '2026-03-01', platform: 'google_ads', campaign: 'brand', spend: '10' },
        'x',
        { date: '2026-03-01', platform: 'google_ads', campaign: 'brand', spend: 1.005, note: 'n' },
      ],
    }).expect(400);
    expect(res.body.details).toMatchObject([
      { field: 'rows[0].spend', message: 'row 1: spend must be a number ≥ 0 with at most 2 decimals' },
      { field: 'rows[1]', message: 'row 2: must be an object with date, platform, campaign and spend' },
      { field: 'rows[2].note', message: 'row 3: property note should not exist' },
      { field: 'rows[2].spend', message: 'row 3: spend must be a number ≥ 0 with at most 2 decimals' },
    ]);
    const tooMany = Array.from({ length: 10_001 }, () => ({}));
    await t.http
      .post('/api/v1/ad-spend')
      .set(owner.bearer)
      .attach(
        'file',
        Buffer.from(
          ['date,platform,campaign,spend', ...tooMany.map((_, i) => `2026-01-01,google_ads,c${i},1`)].join('\n'),
        ),
        'big.csv',
      )
      .expect(400);
  });

  it('takes the documented 10,000 rows as JSON (a 4 MB body limit on this route, 100 kB elsewhere)', async () => {
    const campaign = (i: number) => `campanha_de_inverno_com_nome_longo_${String(i).padStart(5, '0')}`;
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      date: '2025-12-31',
      platform: 'meta_ads',
      campaign: campaign(i),
      spend: 12.34,
    }));
    expect(Buffer.byteLength(JSON.stringify({ rows }))).toBeGreaterThan(100 * 1024);
    const res = await t.http.post('/api/v1/ad-spend').set(owner.bearer).send({ rows }).expect(200);
    expect(res.body).toEqual({ received: 10_000, created: 10_000, updated: 0 });
    await t.dataSource.query(`DELETE FROM ad_spend WHERE organization_id = $1 AND date = '2025-12-31'`, [
      owner.organizationId,
    ]);
    const huge = {
      rows: [{ date: '2026-01-01', platform: 'meta_ads', campaign: 'x'.repeat(5 * 1024 * 1024), spend: 1 }],
    };
    const tooLarge = await t.http.post('/api/v1/ad-spend').set(owner.bearer).send(huge).expect(413);
    expect(tooLarge.body).toMatchObject({ code: 'payload_too_large' });
  });

  it('names a CSV campaign that holds a NUL, instead of failing in the database', async () => {
    const res = await upload('date,platform,campaign,spend\n2026-03-01,google_ads,br\u0000and,1').expect(400);
    expect(res.body.details).toMatchObject([{ field: 'rows[0].campaign', message: expect.stringContaining('NUL') }]);
  });

  it('caps multipart text fields, files and parts, refusing the rest before holding them in memory', async () => {
    const csv = Buffer.from('date,platform,campaign,spend\n2026-01-02,google_ads,brand,1');
    const bigField = await t.http
      .post('/api/v1/ad-spend')
      .set(owner.bearer)
      .field('note', 'x'.repeat(1024 * 1024))
      .attach('file', csv, 'a.csv');
    expect(bigField.status).toBe(400);
    expect(bigField.body).toMatchObject({ statusCode: 400, code: 'invalid_input' });
    const many = t.http.post('/api/v1/ad-spend').set(owner.bearer);
    for (let i = 0; i < 20; i++) many.field(`f${i}`, 'x');
    expect((await many.attach('file', csv, 'a.csv')).status).toBe(400);
    const twoFiles = await t.http
      .post('/api/v1/ad-spend')
      .set(owner.bearer)
      .attach('file', csv, 'a.csv')
      .attach('file', csv, 'b.csv');
    expect(twoFiles.status).toBe(400);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM ad_spend WHERE organization_id = $1 AND date = '2026-01-02'`,
      [owner.organizationId],
    );
    expect(n).toBe(0);
  });

  it('filters and pages the list, and validates its parameters', async () => {
    const page = await list({ pageSize: 2, page: 2 });
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: 7 });
    expect(page.items).toHaveLength(2);
    expect((await list({ campaign: 'brand', platform: 'google_ads', dateTo: '2026-03-02' })).totalSpend).toBe(210.25);
    for (const [query, field] of [
      [{ platform: 'bing_ads' }, 'platform'],
      [{ dateFrom: '01/03/2026' }, 'dateFrom'],
      [{ pageSize: 101 }, 'pageSize'],
      [{ page: '1e21' }, 'page'],
    ] as [Record<string, string | number>, string][]) {
      const res = await t.http.get('/api/v1/ad-spend').query(query).set(owner.bearer).expect(400);
      expect(res.body.details.map((d: Item) => d.field)).toContain(field);
    }
  });

  it('keeps organizations apart and deletes single rows', async () => {
    expect((await list({}, other)).total).toBe(0);
    const key = await createApiKey(t, other, 'Integração', ['admin']);
    await t.http
      .post('/api/v1/ad-spend')
      .set('X-API-Key', key.key)
      .send({ rows: [{ date: '2026-03-01', platform: 'google_ads', campaign: 'brand', spend: 5 }] })
      .expect(200);
    const mine = (await list({ campaign: 'ação' })).items[0] as Item;
    const theirs = (await list({}, other)).items[0] as Item;
    expect(theirs.spend).toBe(5);
    await t.http
      .delete(`/api/v1/ad-spend/${theirs.id as string}`)
      .set(owner.bearer)
      .expect(404);
    await t.http
      .delete(`/api/v1/ad-spend/${mine.id as string}`)
      .set(owner.bearer)
      .expect(204);
    await t.http
      .delete(`/api/v1/ad-spend/${mine.id as string}`)
      .set(owner.bearer)
      .expect(404);
    const bad = await t.http.delete('/api/v1/ad-spend/123').set(owner.bearer).expect(400);
    expect(bad.body.details).toMatchObject([{ field: 'id', code: 'is_uuid', message: 'id must be a UUID' }]);
    expect((await list({ campaign: 'ação' })).total).toBe(0);
    expect((await list({}, other)).total).toBe(1);
  });
});
