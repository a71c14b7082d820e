import { metaSignature } from '../../src/modules/whatsapp/signature';
import { createTicket } from '../support/fixtures';
import { APP_SECRET, useWebhookFixture, VERIFY_TOKEN } from '../support/webhook-fixture';
import { cloudImage, cloudReferral, cloudStatus, cloudText } from '../support/whatsapp-payloads';

describe('WhatsApp webhooks: Cloud API', () => {
  const app = useWebhookFixture();

  describe('intake and signatures', () => {
    it('answers the verification handshake only with the right token', async () => {
      const ok = await app.http
        .get('/api/v1/webhooks/whatsapp/cloud')
        .query({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1158201444' })
        .expect(200);
      expect(ok.text).toBe('1158201444');
      expect(ok.headers['content-type']).toContain('text/plain');
      await app.http
        .get('/api/v1/webhooks/whatsapp/cloud')
        .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong', 'hub.challenge': '1' })
        .expect(403);
      await app.http
        .get('/api/v1/webhooks/whatsapp/cloud')
        .query({ 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' })
        .expect(403);
    });

    it('stores signed bodies and refuses invalid, missing or stale signatures', async () => {
      const before = (await app.sql('SELECT count(*)::int AS n FROM webhook_events'))[0].n;
      const body = cloudText({ id: 'wamid.SIG1', text: 'Oi' });
      await app.postCloud(body).expect(200);
      await app.postCloud(body, 'sha256=' + '0'.repeat(64)).expect(401);
      await app.http.post('/api/v1/webhooks/whatsapp/cloud').send(body).expect(401);
      const raw = JSON.stringify(body);
      const changed = raw.replace('"Oi"', '"Oj"');
      await app.http
        .post('/api/v1/webhooks/whatsapp/cloud')
        .set('Content-Type', 'application/json')
        .set('X-Hub-Signature-256', metaSignature(raw, APP_SECRET))
        .send(changed)
        .expect(401);
      expect((await app.sql('SELECT count(*)::int AS n FROM webhook_events'))[0].n).toBe(before + 1);
    });
  });

  describe('messages: leads, tickets, attribution and statuses', () => {
    it('turns a text message into lead, conversation, SYSTEM ticket (organic, first stage) and message', async () => {
      await app
        .postCloud(
          cloudText({ id: 'wamid.T1', text: 'Olá, quero um orçamento', name: 'João Silva', waId: '5511999998888' }),
        )
        .expect(200);
      expect(await app.drain()).toBe(1);
      const [item] = await app.tickets();
      expect(item).toMatchObject({
        leadName: 'João Silva',
        leadPhone: '+5511999998888',
        sourceType: 'organic',
        utmSource: null,
        messagesCount: 1,
        stage: { name: 'Novo' },
      });
      const ticket = await app.detail(item.id);
      expect(ticket).toMatchObject({
        creatorType: 'SYSTEM',
        tracking: { platform: null, identifiers: {}, utmSource: null },
        events: [{ type: 'created', actorType: 'system' }],
      });
      expect(ticket.conversation.instance.id).toBe(app.cloud.id);
      const messages = (
        await app.http.get(`/api/v1/conversations/${ticket.conversation.id}/messages`).set(app.owner.bearer).expect(200)
      ).body.items;
      expect(messages).toEqual([
        expect.objectContaining({
          direction: 'in',
          type: 'text',
          body: 'Olá, quero um orçamento',
          sentAt: '2026-01-01T12:00:00.000Z',
        }),
      ]);

      await app
        .postCloud(cloudImage({ id: 'wamid.T2', caption: 'Foto do produto', timestamp: 1767268900 }))
        .expect(200);
      await app.drain();
      const after = await app.detail(item.id);
      expect(after.messagesCount).toBe(2);
      expect(await app.orgCount('tickets')).toBe(1);
      const thread = (
        await app.http.get(`/api/v1/conversations/${ticket.conversation.id}/messages`).set(app.owner.bearer).expect(200)
      ).body.items;
      expect(thread[1]).toMatchObject({ type: 'image', body: 'Foto do produto' });
    });

    it('attributes a Click-to-WhatsApp referral: paid, Meta Ads, ctwaclid, ad id, source url and headline', async () => {
      await app
        .postCloud(
          cloudReferral({
            id: 'wamid.R1',
            text: 'Vi o anúncio',
            ctwaClid:
              'ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMXP3VFWEBC',
          }),
        )
        .expect(200);
      await app.drain();
      const [item] = await app.tickets();
      expect(item).toMatchObject({ sourceType: 'paid', platform: 'meta_ads' });
      expect((await app.detail(item.id)).tracking).toMatchObject({
        platform: { key: 'meta_ads' },
        adId: '120212345678900000',
        sourceUrl: 'https://fb.me/3cr4Wqqkv',
        identifiers: { ctwaclid: expect.stringMatching(/^ARAk/) },
      });
      const [row] = await app.sql('SELECT ad_headline FROM ticket_trackings WHERE ticket_id = $1', [item.id]);
      expect(row.ad_headline).toBe('Tênis de corrida com 30% off');
    });

    it('attributes a referral without ctwa_clid (ad shown in Status): paid, Meta Ads, no click id', async () => {
      await app.postCloud(cloudReferral({ id: 'wamid.R2', text: 'Oi' })).expect(200);
      await app.drain();
      const [item] = await app.tickets();
      expect(item).toMatchObject({ sourceType: 'paid', platform: 'meta_ads' });
      expect((await app.detail(item.id)).tracking).toMatchObject({ identifiers: {}, adId: '120212345678900000' });
    });

    it('gives the ticket the referral of a message delivered after the one that opened it but sent before', async () => {
      // Meta does not deliver in order: the lead's second message opens the ticket first.
      await app.postCloud(cloudText({ id: 'wamid.L2', text: 'Ainda tem?', timestamp: 1767268900 })).expect(200);
      await app.drain();
      expect((await app.tickets())[0]).toMatchObject({ sourceType: 'organic', platform: null });
      await app
        .postCloud(
          cloudReferral({ id: 'wamid.L1', text: 'Vi o anúncio', ctwaClid: 'CTWA-LATE', timestamp: 1767268800 }),
        )
        .expect(200);
      await app.drain();
      const items = await app.tickets();
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ sourceType: 'paid', platform: 'meta_ads', messagesCount: 2 });
      expect((await app.detail(items[0].id)).tracking).toMatchObject({
        identifiers: { ctwaclid: 'CTWA-LATE' },
        adId: '120212345678900000',
      });

      // A referral sent after the ticket's first message is a new ad click in an ongoing conversation: no change.
      await app
        .postCloud(
          cloudReferral({ id: 'wamid.L3', text: 'Outro anúncio', ctwaClid: 'CTWA-NEW', timestamp: 1767269000 }),
        )
        .expect(200);
      await app.drain();
      expect((await app.detail(items[0].id)).tracking.identifiers).toEqual({ ctwaclid: 'CTWA-LATE' });
    });

    it('keeps an organic ticket organic when a later message carries a referral', async () => {
      await app.postCloud(cloudText({ id: 'wamid.O1', text: 'Oi', timestamp: 1767268800 })).expect(200);
      await app.drain();
      await app.postCloud(cloudReferral({ id: 'wamid.O2', text: 'Vi o anúncio', timestamp: 1767268900 })).expect(200);
      await app.drain();
      expect((await app.tickets())[0]).toMatchObject({ sourceType: 'organic', platform: null, messagesCount: 2 });
    });

    it('updates outbound message statuses forward only, never creating tickets', async () => {
      await app.postCloud(cloudText({ id: 'wamid.S0', text: 'Oi' })).expect(200);
      await app.drain();
      const [item] = await app.tickets();
      const ticket = await app.detail(item.id);
      await app.sql(
        `INSERT INTO whatsapp_messages (organization_id, conversation_id, ticket_id, instance_id, provider_message_id, direction, type, body, status, sent_at)
         VALUES ($1, $2, $3, $4, 'wamid.OUT1', 'out', 'text', 'Olá! Como posso ajudar?', 'sent', now())`,
        [app.owner.organizationId, ticket.conversation.id, item.id, app.cloud.id],
      );
      const status = async () =>
        (await app.sql(`SELECT status FROM whatsapp_messages WHERE provider_message_id = 'wamid.OUT1'`))[0].status;
      await app.postCloud(cloudStatus({ id: 'wamid.OUT1', status: 'read' })).expect(200);
      await app.drain();
      expect(await status()).toBe('read');
      await app.postCloud(cloudStatus({ id: 'wamid.OUT1', status: 'delivered' })).expect(200);
      await app.postCloud(cloudStatus({ id: 'wamid.UNKNOWN', status: 'delivered' })).expect(200);
      await app.drain();
      expect(await status()).toBe('read');
      expect(await app.orgCount('tickets')).toBe(1);
    });

    it('stores events for an unknown phone_number_id as unroutable, answering 200', async () => {
      const res = await app
        .postCloud(cloudText({ id: 'wamid.U1', text: 'Oi', phoneNumberId: '999999999' }))
        .expect(200);
      expect(res.status).toBe(200);
      await app.drain();
      const [event] = await app.sql(
        `SELECT status, organization_id FROM webhook_events WHERE body::text LIKE '%wamid.U1%'`,
      );
      expect(event).toEqual({ status: 'unroutable', organization_id: null });
    });

    it('matches a lead created as +55 11 98888-7777 when WhatsApp sends 551188887777 (ninth digit)', async () => {
      const created = await createTicket(app.t, app.owner, { lead: { name: 'Carla', phone: '+55 11 98888-7777' } });
      await app
        .postCloud(cloudText({ id: 'wamid.N9', text: 'Oi de novo', waId: '551188887777', name: 'Carla M.' }))
        .expect(200);
      await app.drain();
      expect(await app.orgCount('leads')).toBe(1);
      const after = await app.detail(created.id);
      expect(after).toMatchObject({ messagesCount: 1, lead: { name: 'Carla', phone: '+5511988887777' } });
      expect(await app.orgCount('whatsapp_conversations')).toBe(1);
    });

    it('stores and matches the business-scoped user id when wa_id is absent', async () => {
      await app
        .postCloud(
          cloudText({ id: 'wamid.B1', text: 'Oi', waId: null, userId: 'BR.1234567890abcdef', name: 'Sem Número' }),
        )
        .expect(200);
      await app
        .postCloud(
          cloudText({
            id: 'wamid.B2',
            text: 'Oi de novo',
            waId: null,
            userId: 'BR.1234567890abcdef',
            timestamp: 1767268999,
          }),
        )
        .expect(200);
      await app.drain();
      const leads = await app.sql('SELECT name, phone, wa_user_id FROM leads WHERE organization_id = $1', [
        app.owner.organizationId,
      ]);
      expect(leads).toEqual([{ name: 'Sem Número', phone: null, wa_user_id: 'BR.1234567890abcdef' }]);
      expect((await app.tickets())[0].messagesCount).toBe(2);
    });
  });
});
