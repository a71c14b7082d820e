import { metaSignature } from '../../src/modules/whatsapp/signature';
import { WebhookWorker } from '../../src/modules/whatsapp/webhook-worker';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTicket, registerAccount, type Account } from '../support/fixtures';
import {
  CLOUD_PHONE_NUMBER_ID,
  cloudImage,
  cloudReferral,
  cloudStatus,
  cloudText,
  evolutionUpsert,
} from '../support/whatsapp-payloads';

const APP_SECRET = 'test-app-secret';

describe('WhatsApp webhooks', () => {
  let t: TestApp;
  let owner: Account;
  let cloud: { id: string };
  let evolution: { id: string; webhookToken: string };

  beforeAll(async () => {
    t = await createTestApp({
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: 'verify-me',
      WEBHOOK_WORKER_ENABLED: 'false',
    });
  });

  beforeEach(async () => {
    // Leftovers of the previous test are processed while they still route to its organization.
    await t.app.get(WebhookWorker).drain();
    // Each test gets its own organization; Cloud API phone_number_ids are global, so the previous one goes.
    await t.dataSource.query(
      `UPDATE whatsapp_instances SET provider_phone_number_id = NULL WHERE provider_phone_number_id = $1`,
      [CLOUD_PHONE_NUMBER_ID],
    );
    owner = await registerAccount(t);
    cloud = (
      await t.http
        .post('/api/v1/whatsapp-instances')
        .set(owner.bearer)
        .send({
          name: 'Cloud',
          phoneNumber: '+55 11 94000-1234',
          provider: 'cloud_api',
          providerPhoneNumberId: CLOUD_PHONE_NUMBER_ID,
        })
        .expect(201)
    ).body;
    evolution = (
      await t.http
        .post('/api/v1/whatsapp-instances')
        .set(owner.bearer)
        .send({ name: 'Evolution', phoneNumber: '+55 11 91234-5678', provider: 'evolution' })
        .expect(201)
    ).body;
  });

  afterAll(async () => {
    await t.close();
  });

  const drain = () => t.app.get(WebhookWorker).drain();
  const postCloud = (body: unknown, signature?: string) => {
    const raw = JSON.stringify(body);
    return t.http
      .post('/api/v1/webhooks/whatsapp/cloud')
      .set('Content-Type', 'application/json')
      .set('X-Hub-Signature-256', signature ?? metaSignature(raw, APP_SECRET))
      .send(raw);
  };
  const postEvolution = (body: unknown, token = evolution.webhookToken) =>
    t.http
      .post(`/api/v1/webhooks/whatsapp/evolution/${evolution.id}`)
      .set('apikey', token)
      .send(body as object);
  const q = async (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const orgCount = async (table: string) =>
    (await q(`SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`, [owner.organizationId]))[0].n;
  const tickets = async () => (await t.http.get('/api/v1/tickets').set(owner.bearer).expect(200)).body.items;
  const detail = async (id: string) => (await t.http.get(`/api/v1/tickets/${id}`).set(owner.bearer).expect(200)).body;

  describe('Cloud API intake', () => {
    it('answers the verification handshake only with the right token', async () => {
      const ok = await t.http
        .get('/api/v1/webhooks/whatsapp/cloud')
        .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '1158201444' })
        .expect(200);
      expect(ok.text).toBe('1158201444');
      expect(ok.headers['content-type']).toContain('text/plain');
      await t.http
        .get('/api/v1/webhooks/whatsapp/cloud')
        .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong', 'hub.challenge': '1' })
        .expect(403);
      await t.http
        .get('/api/v1/webhooks/whatsapp/cloud')
        .query({ 'hub.mode': 'unsubscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '1' })
        .expect(403);
    });

    it('stores signed bodies and refuses invalid, missing or stale signatures', async () => {
      const before = (await q('SELECT count(*)::int AS n FROM webhook_events'))[0].n;
      const body = cloudText({ id: 'wamid.SIG1', text: 'Oi' });
      await postCloud(body).expect(200);
      await postCloud(body, 'sha256=' + '0'.repeat(64)).expect(401);
      await t.http.post('/api/v1/webhooks/whatsapp/cloud').send(body).expect(401);
      const raw = JSON.stringify(body);
      const changed = raw.replace('"Oi"', '"Oj"');
      await t.http
        .post('/api/v1/webhooks/whatsapp/cloud')
        .set('Content-Type', 'application/json')
        .set('X-Hub-Signature-256', metaSignature(raw, APP_SECRET))
        .send(changed)
        .expect(401);
      expect((await q('SELECT count(*)::int AS n FROM webhook_events'))[0].n).toBe(before + 1);
    });
  });

  describe('Cloud API processing', () => {
    it('turns a text message into lead, conversation, SYSTEM ticket (organic, first stage) and message', async () => {
      await postCloud(
        cloudText({ id: 'wamid.T1', text: 'Olá, quero um orçamento', name: 'João Silva', waId: '5511999998888' }),
      ).expect(200);
      expect(await drain()).toBe(1);
      const [item] = await tickets();
      expect(item).toMatchObject({
        leadName: 'João Silva',
        leadPhone: '+5511999998888',
        sourceType: 'organic',
        utmSource: null,
        messagesCount: 1,
        stage: { name: 'Novo' },
      });
      const ticket = await detail(item.id);
      expect(ticket).toMatchObject({
        creatorType: 'SYSTEM',
        tracking: { platform: null, identifiers: {}, utmSource: null },
        events: [{ type: 'created', actorType: 'system' }],
      });
      expect(ticket.conversation.instance.id).toBe(cloud.id);
      const messages = (
        await t.http.get(`/api/v1/conversations/${ticket.conversation.id}/messages`).set(owner.bearer).expect(200)
      ).body.items;
      expect(messages).toEqual([
        expect.objectContaining({
          direction: 'in',
          type: 'text',
          body: 'Olá, quero um orçamento',
          sentAt: '2026-01-01T12:00:00.000Z',
        }),
      ]);

      await postCloud(cloudImage({ id: 'wamid.T2', caption: 'Foto do produto', timestamp: 1767268900 })).expect(200);
      await drain();
      const after = await detail(item.id);
      expect(after.messagesCount).toBe(2);
      expect(await orgCount('tickets')).toBe(1);
      const thread = (
        await t.http.get(`/api/v1/conversations/${ticket.conversation.id}/messages`).set(owner.bearer).expect(200)
      ).body.items;
      expect(thread[1]).toMatchObject({ type: 'image', body: 'Foto do produto' });
    });

    it('attributes a Click-to-WhatsApp referral: paid, Meta Ads, ctwaclid, ad id, source url and headline', async () => {
      await postCloud(
        cloudReferral({
          id: 'wamid.R1',
          text: 'Vi o anúncio',
          ctwaClid:
            'ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMXP3VFWEBC',
        }),
      ).expect(200);
      await drain();
      const [item] = await tickets();
      expect(item).toMatchObject({ sourceType: 'paid', platform: 'meta_ads' });
      expect((await detail(item.id)).tracking).toMatchObject({
        platform: { key: 'meta_ads' },
        adId: '120212345678900000',
        sourceUrl: 'https://fb.me/3cr4Wqqkv',
        identifiers: { ctwaclid: expect.stringMatching(/^ARAk/) },
      });
      const [row] = await q('SELECT ad_headline FROM ticket_trackings WHERE ticket_id = $1', [item.id]);
      expect(row.ad_headline).toBe('Tênis de corrida com 30% off');
    });

    it('attributes a referral without ctwa_clid (ad shown in Status): paid, Meta Ads, no click id', async () => {
      await postCloud(cloudReferral({ id: 'wamid.R2', text: 'Oi' })).expect(200);
      await drain();
      const [item] = await tickets();
      expect(item).toMatchObject({ sourceType: 'paid', platform: 'meta_ads' });
      expect((await detail(item.id)).tracking).toMatchObject({ identifiers: {}, adId: '120212345678900000' });
    });

    it('updates outbound message statuses forward only, never creating tickets', async () => {
      await postCloud(cloudText({ id: 'wamid.S0', text: 'Oi' })).expect(200);
      await drain();
      const [item] = await tickets();
      const ticket = await detail(item.id);
      await q(
        `INSERT INTO whatsapp_messages (organization_id, conversation_id, ticket_id, instance_id, provider_message_id, direction, type, body, status, sent_at)
         VALUES ($1, $2, $3, $4, 'wamid.OUT1', 'out', 'text', 'Olá! Como posso ajudar?', 'sent', now())`,
        [owner.organizationId, ticket.conversation.id, item.id, cloud.id],
      );
      const status = async () =>
        (await q(`SELECT status FROM whatsapp_messages WHERE provider_message_id = 'wamid.OUT1'`))[0].status;
      await postCloud(cloudStatus({ id: 'wamid.OUT1', status: 'read' })).expect(200);
      await drain();
      expect(await status()).toBe('read');
      await postCloud(cloudStatus({ id: 'wamid.OUT1', status: 'delivered' })).expect(200);
      await postCloud(cloudStatus({ id: 'wamid.UNKNOWN', status: 'delivered' })).expect(200);
      await drain();
      expect(await status()).toBe('read');
      expect(await orgCount('tickets')).toBe(1);
    });

    it('stores events for an unknown phone_number_id as unroutable, answering 200', async () => {
      const res = await postCloud(cloudText({ id: 'wamid.U1', text: 'Oi', phoneNumberId: '999999999' })).expect(200);
      expect(res.status).toBe(200);
      await drain();
      const [event] = await q(`SELECT status, organization_id FROM webhook_events WHERE body::text LIKE '%wamid.U1%'`);
      expect(event).toEqual({ status: 'unroutable', organization_id: null });
    });

    it('stores each message once: 10 sequential and 10 concurrent deliveries give one message and one ticket', async () => {
      const body = cloudText({ id: 'wamid.DUP', text: 'Quero comprar', waId: '5511977776666' });
      for (let i = 0; i < 10; i++) await postCloud(body).expect(200);
      await Promise.all(Array.from({ length: 10 }, () => postCloud(body).expect(200)));
      const worker = t.app.get(WebhookWorker);
      await Promise.all([worker.drain(), worker.drain(), worker.drain()]);
      expect(await orgCount('whatsapp_messages')).toBe(1);
      expect(await orgCount('tickets')).toBe(1);
      expect((await tickets())[0].messagesCount).toBe(1);
      const statuses = await q(
        `SELECT status, count(*)::int AS n FROM webhook_events WHERE organization_id = $1 GROUP BY status`,
        [owner.organizationId],
      );
      expect(statuses).toEqual([{ status: 'processed', n: 20 }]);
    });

    it('opens one ticket when a new lead sends several messages at once', async () => {
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          postCloud(cloudText({ id: `wamid.BURST${i}`, text: `Mensagem ${i}`, waId: '5511955554444' })).expect(200),
        ),
      );
      const worker = t.app.get(WebhookWorker);
      await Promise.all([worker.drain(), worker.drain()]);
      expect(await orgCount('tickets')).toBe(1);
      expect((await tickets())[0].messagesCount).toBe(8);
    });

    it('matches a lead created as +55 11 98888-7777 when WhatsApp sends 551188887777 (ninth digit)', async () => {
      const created = await createTicket(t, owner, { lead: { name: 'Carla', phone: '+55 11 98888-7777' } });
      await postCloud(cloudText({ id: 'wamid.N9', text: 'Oi de novo', waId: '551188887777', name: 'Carla M.' })).expect(
        200,
      );
      await drain();
      expect(await orgCount('leads')).toBe(1);
      const after = await detail(created.id);
      expect(after).toMatchObject({ messagesCount: 1, lead: { name: 'Carla', phone: '+5511988887777' } });
      expect(await orgCount('whatsapp_conversations')).toBe(1);
    });

    it('stores and matches the business-scoped user id when wa_id is absent', async () => {
      await postCloud(
        cloudText({ id: 'wamid.B1', text: 'Oi', waId: null, userId: 'BR.1234567890abcdef', name: 'Sem Número' }),
      ).expect(200);
      await postCloud(
        cloudText({
          id: 'wamid.B2',
          text: 'Oi de novo',
          waId: null,
          userId: 'BR.1234567890abcdef',
          timestamp: 1767268999,
        }),
      ).expect(200);
      await drain();
      const leads = await q('SELECT name, phone, wa_user_id FROM leads WHERE organization_id = $1', [
        owner.organizationId,
      ]);
      expect(leads).toEqual([{ name: 'Sem Número', phone: null, wa_user_id: 'BR.1234567890abcdef' }]);
      expect((await tickets())[0].messagesCount).toBe(2);
    });
  });

  describe('Evolution API', () => {
    it('authenticates with the instance webhook token (header apikey or ?token=)', async () => {
      await postEvolution(evolutionUpsert({ id: 'EV0' }), 'wrong').expect(401);
      await t.http
        .post(`/api/v1/webhooks/whatsapp/evolution/${evolution.id}`)
        .send(evolutionUpsert({ id: 'EV0' }))
        .expect(401);
      await t.http
        .post(`/api/v1/webhooks/whatsapp/evolution/${cloud.id}`)
        .set('apikey', evolution.webhookToken)
        .send({})
        .expect(401);
      await t.http
        .post(`/api/v1/webhooks/whatsapp/evolution/${evolution.id}`)
        .query({ token: evolution.webhookToken })
        .send(evolutionUpsert({ id: 'EV0' }))
        .expect(200);
      await drain();
      expect(await orgCount('whatsapp_messages')).toBe(1);
    });

    it('attributes externalAdReply, stores fromMe as outbound and ignores groups', async () => {
      await postEvolution(
        evolutionUpsert({
          id: 'EV1',
          pushName: 'Maria Souza',
          externalAdReply: { ctwaClid: 'CTWA-EV-1', sourceId: '120299', sourceUrl: 'https://fb.me/ev', title: 'Promo' },
        }),
      ).expect(200);
      await postEvolution(
        evolutionUpsert({ id: 'EV2', fromMe: true, pushName: 'Loja', text: 'Olá Maria!', timestamp: 1767268860 }),
      ).expect(200);
      await postEvolution(evolutionUpsert({ id: 'EV3', remoteJid: '120363025246125486@g.us', text: 'grupo' })).expect(
        200,
      );
      await drain();
      const items = await tickets();
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        leadName: 'Maria Souza',
        leadPhone: '+5521988887777',
        sourceType: 'paid',
        platform: 'meta_ads',
        messagesCount: 2,
      });
      const ticket = await detail(items[0].id);
      expect(ticket.tracking).toMatchObject({
        identifiers: { ctwaclid: 'CTWA-EV-1' },
        adId: '120299',
        sourceUrl: 'https://fb.me/ev',
      });
      const thread = (
        await t.http.get(`/api/v1/conversations/${ticket.conversation.id}/messages`).set(owner.bearer).expect(200)
      ).body.items;
      expect(thread.map((m: { direction: string; body: string }) => [m.direction, m.body])).toEqual([
        ['in', 'Olá, vi o anúncio'],
        ['out', 'Olá Maria!'],
      ]);
      const [group] = await q(
        `SELECT status FROM webhook_events WHERE body::text LIKE '%@g.us%' AND organization_id = $1`,
        [owner.organizationId],
      );
      expect(group.status).toBe('ignored');
    });

    it('uses remoteJidAlt when the chat is addressed by LID', async () => {
      await postEvolution(
        evolutionUpsert({ id: 'EV4', remoteJid: '206527381475390@lid', remoteJidAlt: '5531966665555@s.whatsapp.net' }),
      ).expect(200);
      await drain();
      expect((await tickets())[0].leadPhone).toBe('+5531966665555');
    });
  });

  describe('failures and retries', () => {
    it('fails an event whose instance was deleted, keeps it retryable, and goes on with the others', async () => {
      await postEvolution(evolutionUpsert({ id: 'EV-GONE' })).expect(200);
      await t.http.delete(`/api/v1/whatsapp-instances/${evolution.id}`).set(owner.bearer).expect(204);
      await postCloud(cloudText({ id: 'wamid.OK', text: 'Oi' })).expect(200);
      await drain();
      const list = (await t.http.get('/api/v1/webhook-events').set(owner.bearer).expect(200)).body;
      const failed = list.items.find((e: { status: string }) => e.status === 'failed');
      expect(failed).toMatchObject({
        provider: 'evolution',
        attempts: 1,
        lastError: expect.stringContaining('no longer exists'),
      });
      expect(list.items.find((e: { provider: string }) => e.provider === 'cloud_api')).toMatchObject({
        status: 'processed',
      });
      const retried = (await t.http.post(`/api/v1/webhook-events/${failed.id}/retry`).set(owner.bearer).expect(200))
        .body;
      expect(retried).toMatchObject({ id: failed.id, status: 'failed', attempts: 1 });
      expect(
        (await t.http.get('/api/v1/webhook-events').query({ status: 'failed' }).set(owner.bearer).expect(200)).body
          .total,
      ).toBe(1);
    });

    it('schedules a retry after a transient error and reprocesses the event once the bug is fixed', async () => {
      await q(
        `CREATE FUNCTION fail_messages() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated bug'; END $$`,
      );
      await q(
        `CREATE TRIGGER fail_messages BEFORE INSERT ON whatsapp_messages FOR EACH ROW EXECUTE FUNCTION fail_messages()`,
      );
      try {
        await postCloud(cloudText({ id: 'wamid.BUG', text: 'Oi' })).expect(200);
        await drain();
        const [event] = await q(
          `SELECT id, status, attempts, last_error, next_attempt_at > now() AS later FROM webhook_events WHERE body::text LIKE '%wamid.BUG%'`,
        );
        expect(event).toMatchObject({
          status: 'pending',
          attempts: 1,
          later: true,
          last_error: expect.stringContaining('simulated bug'),
        });
        expect(await orgCount('tickets')).toBe(0);
        expect(await orgCount('leads')).toBe(0);
        await q('DROP TRIGGER fail_messages ON whatsapp_messages');
        const retried = (await t.http.post(`/api/v1/webhook-events/${event.id}/retry`).set(owner.bearer).expect(200))
          .body;
        expect(retried).toMatchObject({ status: 'processed', lastError: null });
        expect(await orgCount('whatsapp_messages')).toBe(1);
      } finally {
        await q('DROP TRIGGER IF EXISTS fail_messages ON whatsapp_messages');
        await q('DROP FUNCTION IF EXISTS fail_messages()');
      }
    });

    it('applies a batch around one failing event: the others are stored and counted, the bad one is retried', async () => {
      await q(
        `CREATE FUNCTION fail_boom() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN IF NEW.body = 'boom' THEN RAISE EXCEPTION 'simulated bad event'; END IF; RETURN NEW; END $$`,
      );
      await q(`CREATE TRIGGER fail_boom BEFORE INSERT ON whatsapp_messages FOR EACH ROW EXECUTE FUNCTION fail_boom()`);
      try {
        const leads = ['5511911110001', '5511911110002', '5511911110003'];
        // Six messages, the bad one (a new lead) in the middle; one pass claims them all as one batch.
        for (let i = 0; i < 6; i++) {
          const text = i === 3 ? 'boom' : `Mensagem ${i}`;
          const waId = i === 3 ? '5511911119999' : leads[i % 3];
          await postCloud(cloudText({ id: `wamid.BATCH${i}`, text, waId, timestamp: 1767268800 + i })).expect(200);
        }
        expect(await drain()).toBe(6);
        const events = await q(
          `SELECT status, attempts, last_error FROM webhook_events WHERE organization_id = $1 ORDER BY received_at`,
          [owner.organizationId],
        );
        expect(events.map((e: { status: string }) => e.status)).toEqual([
          'processed',
          'processed',
          'processed',
          'pending',
          'processed',
          'processed',
        ]);
        expect(events[3]).toMatchObject({ attempts: 1, last_error: expect.stringContaining('simulated bad event') });
        expect(await orgCount('whatsapp_messages')).toBe(5);
        expect(await orgCount('leads')).toBe(3);
        const counts = await q(`SELECT messages_count FROM tickets WHERE organization_id = $1 ORDER BY 1`, [
          owner.organizationId,
        ]);
        expect(counts).toEqual([{ messages_count: 1 }, { messages_count: 2 }, { messages_count: 2 }]);
      } finally {
        await q('DROP TRIGGER IF EXISTS fail_boom ON whatsapp_messages');
        await q('DROP FUNCTION IF EXISTS fail_boom()');
      }
    });

    it('limits the event log to admins of the organization', async () => {
      await postEvolution(evolutionUpsert({ id: 'EV-ADMIN' })).expect(200);
      await drain();
      const [event] = await q(`SELECT id FROM webhook_events WHERE organization_id = $1`, [owner.organizationId]);
      const other = await registerAccount(t);
      expect((await t.http.get('/api/v1/webhook-events').set(other.bearer).expect(200)).body.total).toBe(0);
      await t.http.post(`/api/v1/webhook-events/${event.id}/retry`).set(other.bearer).expect(404);
      const agentEmail = `agent.${Date.now()}@example.com`;
      await t.http
        .post('/api/v1/users')
        .set(owner.bearer)
        .send({ name: 'Agente', email: agentEmail, password: 'senha-forte-123' })
        .expect(201);
      const login = (
        await t.http.post('/api/v1/auth/login').send({ email: agentEmail, password: 'senha-forte-123' }).expect(200)
      ).body;
      await t.http.get('/api/v1/webhook-events').set('Authorization', `Bearer ${login.accessToken}`).expect(403);
    });
  });
});
