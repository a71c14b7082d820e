import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MEDIA_STORE, type MediaStore, storageKey } from '../../src/modules/media/store/media-store';
import { addUser, createApiKey, registerAccount } from '../support/fixtures';
import { useWebhookFixture } from '../support/webhook-fixture';
import { cloudReferral, cloudText } from '../support/whatsapp-payloads';

const WA_ID = '5511988887777';
const PHONE = '+5511988887777';

describe('Privacy (LGPD): lead export and erasure', () => {
  const f = useWebhookFixture({
    MEDIA_DIR: mkdtempSync(join(tmpdir(), 'privacy-media-')),
    MEDIA_WORKER_ENABLED: 'false',
  });

  /** A lead that wrote from an ad (touch, tracking, click id), with a file, a sale and two conversions. */
  async function leadWithHistory() {
    const now = Math.floor(Date.now() / 1000);
    await f.receive(
      'cloud',
      cloudReferral({
        id: 'wamid.P1',
        waId: WA_ID,
        name: 'Joana Souza',
        text: 'Quero o tênis',
        ctwaClid: 'CLID-1',
        timestamp: now - 60,
      }),
      cloudText({ id: 'wamid.P2', waId: WA_ID, name: 'Joana Souza', text: 'Meu CPF é 123', timestamp: now - 30 }),
    );
    const [ticket] = await f.tickets();
    const detail = await f.detail(ticket.id);
    const leadId: string = detail.lead.id;
    const [message] = await f.sql(
      `SELECT id FROM whatsapp_messages WHERE organization_id = $1 AND provider_message_id = 'wamid.P2'`,
      [f.owner.organizationId],
    );
    const store = f.t.app.get<MediaStore>(MEDIA_STORE);
    const key = storageKey(f.owner.organizationId, new Date());
    await store.put(key, Buffer.from('a photo of the document'), 'image/jpeg');
    await f.sql(
      `INSERT INTO whatsapp_media (organization_id, message_id, instance_id, kind, status, mime_type, file_name,
         size_bytes, storage_key)
       VALUES ($1, $2, $3, 'image', 'stored', 'image/jpeg', 'rg-joana.jpg', 23, $4)`,
      [f.owner.organizationId, message.id, f.cloud.id, key],
    );
    await f.http
      .post(`/api/v1/tickets/${ticket.id}/sales`)
      .set(f.owner.bearer)
      .send({ value: 350.5, description: 'Tênis' })
      .expect(201);
    for (const status of ['sent', 'pending'])
      await f.sql(
        `INSERT INTO conversions (organization_id, ticket_id, kind, event_name, event_id, event_time, currency,
           ctwa_clid, status, payload)
         VALUES ($1, $2, 'purchase', 'Purchase', $3, now(), 'BRL', 'CLID-1', $4, $5)`,
        [f.owner.organizationId, ticket.id, `ev-${status}`, status, JSON.stringify({ user_data: { ph: 'hash' } })],
      );
    return { ticketId: ticket.id as string, leadId, messageId: message.id as string, key, store };
  }

  async function figures(ticketId: string) {
    const report = (groupBy: string) =>
      f.http
        .get('/api/v1/reports/attribution')
        .query({ dateRange: '30d', groupBy })
        .set(f.owner.bearer)
        .expect(200)
        .then((r) => r.body.rows);
    const sales = (await f.http.get(`/api/v1/tickets/${ticketId}/sales`).set(f.owner.bearer).expect(200)).body.items;
    const ticket = await f.detail(ticketId);
    return {
      platform: await report('platform'),
      campaign: await report('utmCampaign'),
      sales,
      counts: { messages: ticket.messagesCount, sales: ticket.salesCount, stage: ticket.stage.id },
    };
  }

  it('exports everything about the lead, to managers of its organization only', async () => {
    const { leadId, ticketId, messageId } = await leadWithHistory();
    const res = await f.http.get(`/api/v1/leads/${leadId}/export`).set(f.owner.bearer).expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="lead-${leadId}.json"`);
    const doc = res.body;
    expect(doc.lead).toMatchObject({ id: leadId, name: 'Joana Souza', phone: PHONE, erasedAt: null });
    expect(doc.touches).toEqual([expect.objectContaining({ kind: 'ctwa_referral', clickIds: { ctwaclid: 'CLID-1' } })]);
    expect(doc.conversations).toHaveLength(1);
    const [ticket] = doc.tickets;
    expect(ticket).toMatchObject({ id: ticketId, stage: { name: expect.any(String) }, messagesCount: 2 });
    expect(ticket.tracking).toMatchObject({ platformKey: 'meta_ads', clickIds: { ctwaclid: 'CLID-1' } });
    expect(ticket.sales).toEqual([expect.objectContaining({ value: 350.5, description: 'Tênis' })]);
    expect(ticket.events.map((e: { type: string }) => e.type)).toEqual(['created', 'sale_added']);
    expect(ticket.messages.map((m: { body: string }) => m.body)).toEqual(['Quero o tênis', 'Meu CPF é 123']);
    expect(ticket.messages[1]).toMatchObject({
      direction: 'in',
      type: 'text',
      media: {
        kind: 'image',
        mimeType: 'image/jpeg',
        fileName: 'rg-joana.jpg',
        sizeBytes: 23,
        url: `/api/v1/messages/${messageId}/media`,
      },
    });
    expect(ticket.conversions.map((c: { status: string }) => c.status).sort()).toEqual(['pending', 'sent']);

    const admin = await addUser(f.t, f.owner, 'admin');
    await f.http.get(`/api/v1/leads/${leadId}/export`).set(admin.bearer).expect(200);
    const agent = await addUser(f.t, f.owner, 'agent');
    await f.http.get(`/api/v1/leads/${leadId}/export`).set(agent.bearer).expect(403);
    await f.http.post(`/api/v1/leads/${leadId}/erase`).set(agent.bearer).send({ confirm: leadId }).expect(403);
    const ticketsKey = await createApiKey(f.t, f.owner, 'Tickets', ['tickets']);
    await f.http.get(`/api/v1/leads/${leadId}/export`).set('X-API-Key', ticketsKey.key).expect(403);
    const adminKey = await createApiKey(f.t, f.owner, 'Admin', ['admin']);
    await f.http.get(`/api/v1/leads/${leadId}/export`).set('X-API-Key', adminKey.key).expect(200);
    const other = await registerAccount(f.t, 'Outra Loja');
    const notFound = await f.http.get(`/api/v1/leads/${leadId}/export`).set(other.bearer).expect(404);
    expect(notFound.body.code).toBe('not_found');
    await f.http.post(`/api/v1/leads/${leadId}/erase`).set(other.bearer).send({ confirm: leadId }).expect(404);
    expect((await f.http.get('/api/v1/audit-log').set(other.bearer).expect(200)).body.total).toBe(0);
  });

  it('erases the personal data everywhere, keeps every figure, audits, and is idempotent', async () => {
    const { leadId, ticketId, messageId, key, store } = await leadWithHistory();
    await f.http.get(`/api/v1/leads/${leadId}/export`).set(f.owner.bearer).expect(200);
    const before = await figures(ticketId);
    expect(before.sales).toHaveLength(1);

    const missing = await f.http.post(`/api/v1/leads/${leadId}/erase`).set(f.owner.bearer).send({}).expect(400);
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'confirm' })]);
    const wrong = await f.http
      .post(`/api/v1/leads/${leadId}/erase`)
      .set(f.owner.bearer)
      .send({ confirm: ticketId })
      .expect(400);
    expect(wrong.body.details).toEqual([expect.objectContaining({ field: 'confirm' })]);

    const erased = await f.http
      .post(`/api/v1/leads/${leadId}/erase`)
      .set(f.owner.bearer)
      .send({ confirm: leadId })
      .expect(200);
    expect(erased.body).toMatchObject({ leadId, erasedNow: true });

    const org = f.owner.organizationId;
    const [lead] = await f.sql(`SELECT * FROM leads WHERE organization_id = $1 AND id = $2`, [org, leadId]);
    expect(lead).toMatchObject({ name: null, phone: null, phone_key: null, email: null, wa_user_id: null });
    expect(lead.erased_at).not.toBeNull();
    const messages = await f.sql(
      `SELECT body, content, raw, context, direction, type FROM whatsapp_messages WHERE organization_id = $1
       AND ticket_id = $2`,
      [org, ticketId],
    );
    expect(messages).toHaveLength(2);
    for (const m of messages)
      expect(m).toMatchObject({ body: null, content: null, raw: null, context: null, direction: 'in' });
    const [media] = await f.sql(`SELECT storage_key, file_name, kind FROM whatsapp_media WHERE message_id = $1`, [
      messageId,
    ]);
    expect(media).toEqual({ storage_key: null, file_name: null, kind: 'image' });
    expect(await store.get(key)).toBeNull();
    const [ticketRow] = await f.sql(`SELECT last_message_preview FROM tickets WHERE id = $1`, [ticketId]);
    expect(ticketRow.last_message_preview).toBeNull();
    const [touch] = await f.sql(
      `SELECT click_ids, source_url, headline, platform_key FROM lead_touches WHERE lead_id = $1`,
      [leadId],
    );
    expect(touch).toEqual({ click_ids: {}, source_url: null, headline: null, platform_key: 'meta_ads' });
    expect(
      await f.sql(
        `SELECT i.value FROM ticket_tracking_identifiers i JOIN ticket_trackings t ON t.id = i.tracking_id
         WHERE t.ticket_id = $1`,
        [ticketId],
      ),
    ).toEqual([]);
    expect(await f.sql(`SELECT status, payload FROM conversions WHERE ticket_id = $1`, [ticketId])).toEqual([
      { status: 'sent', payload: {} },
    ]);
    expect(await figures(ticketId)).toEqual(before);
    await f.http.get(`/api/v1/messages/${messageId}/media`).set(f.owner.bearer).expect(404);

    const again = await f.http
      .post(`/api/v1/leads/${leadId}/erase`)
      .set(f.owner.bearer)
      .send({ confirm: leadId })
      .expect(200);
    expect(again.body).toMatchObject({ leadId, erasedNow: false, erasedAt: erased.body.erasedAt });

    const log = (await f.http.get('/api/v1/audit-log').set(f.owner.bearer).expect(200)).body;
    expect(log.total).toBe(2);
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['lead.erased', 'lead.exported']);
    expect(log.items[0]).toMatchObject({
      subjectType: 'lead',
      subjectId: leadId,
      actorType: 'user',
      actorId: f.owner.userId,
    });
    expect(JSON.stringify(log.items)).not.toMatch(/Joana|5511988887777|CLID/);
    const agent = await addUser(f.t, f.owner, 'agent');
    await f.http.get('/api/v1/audit-log').set(agent.bearer).expect(403);

    const exported = (await f.http.get(`/api/v1/leads/${leadId}/export`).set(f.owner.bearer).expect(200)).body;
    expect(JSON.stringify(exported)).not.toMatch(/Joana|5511988887777|CLID|CPF|rg-joana/);

    await f.receive('cloud', cloudText({ id: 'wamid.P3', waId: WA_ID, name: 'Joana Souza', text: 'Oi de novo' }));
    const leads = await f.sql(`SELECT id, phone FROM leads WHERE organization_id = $1 ORDER BY created_at`, [org]);
    expect(leads).toEqual([
      { id: leadId, phone: null },
      { id: expect.not.stringMatching(leadId), phone: PHONE },
    ]);
  });
});
