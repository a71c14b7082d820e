import { metaSignature } from '../../src/modules/whatsapp/signature';
import { createTestApp, type TestApp } from '../support/test-app';
import { registerAccount, type Account } from '../support/fixtures';
import { cloudText } from '../support/whatsapp-payloads';

const APP_SECRET = 'links-secret';
const PHONE_NUMBER_ID = '201234567890123';

/** Runs with the background worker on, as in production: events are processed without anyone asking. */
describe('tracking links → WhatsApp → attributed ticket', () => {
  let t: TestApp;
  let owner: Account;
  let instance: { id: string };

  beforeAll(async () => {
    t = await createTestApp({ WHATSAPP_APP_SECRET: APP_SECRET, PUBLIC_URL: 'https://app.whatrack.test' });
    owner = await registerAccount(t);
    instance = (
      await t.http
        .post('/api/v1/whatsapp-instances')
        .set(owner.bearer)
        .send({
          name: 'Vendas',
          phoneNumber: '+55 11 94000-5678',
          provider: 'cloud_api',
          providerPhoneNumberId: PHONE_NUMBER_ID,
        })
        .expect(201)
    ).body;
  });

  afterAll(async () => {
    await t.close();
  });

  const postCloud = (body: unknown) => {
    const raw = JSON.stringify(body);
    return t.http
      .post('/api/v1/webhooks/whatsapp/cloud')
      .set('Content-Type', 'application/json')
      .set('X-Hub-Signature-256', metaSignature(raw, APP_SECRET))
      .send(raw);
  };

  async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    for (let i = 0; i < 100; i++) {
      const value = await read();
      if (done(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('condition not reached in 10 s');
  }

  it('creates a link, records a click with UTMs and gclid, redirects to wa.me, and attributes the ticket', async () => {
    const link = (
      await t.http
        .post('/api/v1/tracking-links')
        .set(owner.bearer)
        .send({ instanceId: instance.id, name: 'Google - Tênis', message: 'Olá! Quero saber do tênis' })
        .expect(201)
    ).body;
    expect(link).toMatchObject({
      name: 'Google - Tênis',
      clicks: 0,
      tickets: 0,
      url: `https://app.whatrack.test/t/${link.slug}`,
    });

    const click = await t.http
      .get(`/t/${link.slug}`)
      .query({
        utm_source: 'google',
        utm_medium: 'cpc',
        utm_campaign: 'tenis_verao',
        utm_term: 'tenis corrida',
        gclid: 'Cj0KCQjw-gclid',
        foo: 'bar',
      })
      .set('Referer', 'https://www.google.com/')
      .set('User-Agent', 'Mozilla/5.0 (iPhone)')
      .expect(302);
    const location = new URL(click.headers.location as string);
    expect(location.origin + location.pathname).toBe('https://wa.me/5511940005678');
    const text = location.searchParams.get('text')!;
    expect(text).toMatch(/^Olá! Quero saber do tênis \(ref: [A-Z2-9]{8}\)$/);
    const [row] = await t.dataSource.query(
      'SELECT utm_source, utm_campaign, click_ids, referrer, user_agent FROM tracking_clicks',
    );
    expect(row).toEqual({
      utm_source: 'google',
      utm_campaign: 'tenis_verao',
      click_ids: { gclid: 'Cj0KCQjw-gclid' },
      referrer: 'https://www.google.com/',
      user_agent: 'Mozilla/5.0 (iPhone)',
    });

    await postCloud(
      cloudText({ id: 'wamid.LINK1', waId: '5511933332222', name: 'Paula', text, phoneNumberId: PHONE_NUMBER_ID }),
    ).expect(200);
    const items = await waitFor(
      async () =>
        (await t.http.get('/api/v1/tickets').set(owner.bearer).expect(200)).body.items as Record<string, any>[],
      (list) => list.length > 0,
    );
    expect(items[0]).toMatchObject({
      leadName: 'Paula',
      utmSource: 'google',
      sourceType: 'paid',
      platform: 'google_ads',
    });
    const ticket = (await t.http.get(`/api/v1/tickets/${items[0]!.id}`).set(owner.bearer).expect(200)).body;
    expect(ticket.tracking).toMatchObject({
      utmMedium: 'cpc',
      utmCampaign: 'tenis_verao',
      utmTerm: 'tenis corrida',
      identifiers: { gclid: 'Cj0KCQjw-gclid' },
    });
    const inbound = (await t.http.get('/api/v1/tickets/inbounds').set(owner.bearer).expect(200)).body.items[0];
    expect(inbound.gclid).toBe('Cj0KCQjw-gclid');

    const links = (await t.http.get('/api/v1/tracking-links').set(owner.bearer).expect(200)).body.items;
    expect(links[0]).toMatchObject({ id: link.id, clicks: 1, tickets: 1 });
  });

  it('answers 404 for an unknown link and for a foreign instance', async () => {
    await t.http.get('/t/doesnotexist').expect(404);
    const other = await registerAccount(t);
    await t.http
      .post('/api/v1/tracking-links')
      .set(other.bearer)
      .send({ instanceId: instance.id, name: 'x', message: 'y' })
      .expect(404);
    expect((await t.http.get('/api/v1/tracking-links').set(other.bearer).expect(200)).body.items).toEqual([]);
  });

  it('ignores an unknown or expired code: the ticket is organic', async () => {
    await postCloud(
      cloudText({
        id: 'wamid.LINK2',
        waId: '5511922221111',
        name: 'Rui',
        text: 'Oi (ref: ZZZZZZZZ)',
        phoneNumberId: PHONE_NUMBER_ID,
      }),
    ).expect(200);
    const items = await waitFor(
      async () =>
        (await t.http.get('/api/v1/tickets').query({ q: 'Rui' }).set(owner.bearer).expect(200)).body.items as Record<
          string,
          any
        >[],
      (list) => list.length > 0,
    );
    expect(items[0]).toMatchObject({ sourceType: 'organic', utmSource: null });
  });
});
