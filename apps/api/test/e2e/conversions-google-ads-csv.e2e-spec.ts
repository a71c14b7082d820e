import { useConversionsFixture, type Item } from '../support/conversions-fixture';

describe('conversions: Google Ads offline conversion files', () => {
  const app = useConversionsFixture();

  beforeAll(async () => {
    await app.sell('TB', 1234.56, '2026-03-01T02:30:00Z');
    await app.sell('TB', 200, '2026-03-14T17:05:09Z');
    await app.sell('TC', 300, '2026-03-05T12:00:00Z');
    await app.sell('TD', 400, '2026-03-06T12:00:00Z');
    await app.sell('TE', 500, '2026-03-07T12:00:00Z');
    await app.sell('TF', 600, '2026-03-08T12:00:00Z');
    await app.sell('TG', 700, '2026-03-09T12:00:00Z');
  });

  const csv = (query: Record<string, string>) =>
    app.http.get('/api/v1/conversions/google-ads.csv').query(query).set(app.owner.bearer);

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
    const february = await csv({ conversionName: 'Compra', dateFrom: '2026-02-28', dateTo: '2026-02-28' }).expect(200);
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
