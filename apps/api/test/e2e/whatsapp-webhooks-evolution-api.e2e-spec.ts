import { useWebhookFixture } from '../support/webhook-fixture';
import { evolutionUpsert } from '../support/whatsapp-payloads';

describe('WhatsApp webhooks: Evolution API', () => {
  const app = useWebhookFixture();

  it('authenticates with the instance webhook token (header apikey or ?token=)', async () => {
    await app.postEvolution(evolutionUpsert({ id: 'EV0' }), 'wrong').expect(401);
    await app.http
      .post(`/api/v1/webhooks/whatsapp/evolution/${app.evolution.id}`)
      .send(evolutionUpsert({ id: 'EV0' }))
      .expect(401);
    await app.http
      .post(`/api/v1/webhooks/whatsapp/evolution/${app.cloud.id}`)
      .set('apikey', app.evolution.webhookToken)
      .send({})
      .expect(401);
    await app.http
      .post(`/api/v1/webhooks/whatsapp/evolution/${app.evolution.id}`)
      .query({ token: app.evolution.webhookToken })
      .send(evolutionUpsert({ id: 'EV0' }))
      .expect(200);
    await app.drain();
    expect(await app.orgCount('whatsapp_messages')).toBe(1);
  });

  it('attributes externalAdReply, stores fromMe as outbound and ignores groups', async () => {
    await app
      .postEvolution(
        evolutionUpsert({
          id: 'EV1',
          pushName: 'Maria Souza',
          externalAdReply: { ctwaClid: 'CTWA-EV-1', sourceId: '120299', sourceUrl: 'https://fb.me/ev', title: 'Promo' },
        }),
      )
      .expect(200);
    await app
      .postEvolution(
        evolutionUpsert({ id: 'EV2', fromMe: true, pushName: 'Loja', text: 'Olá Maria!', timestamp: 1767268860 }),
      )
      .expect(200);
    await app
      .postEvolution(evolutionUpsert({ id: 'EV3', remoteJid: '120363025246125486@g.us', text: 'grupo' }))
      .expect(200);
    await app.drain();
    const items = await app.tickets();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      leadName: 'Maria Souza',
      leadPhone: '+5521988887777',
      sourceType: 'paid',
      platform: 'meta_ads',
      messagesCount: 2,
    });
    const ticket = await app.detail(items[0].id);
    expect(ticket.tracking).toMatchObject({
      identifiers: { ctwaclid: 'CTWA-EV-1' },
      adId: '120299',
      sourceUrl: 'https://fb.me/ev',
    });
    const thread = (
      await app.http.get(`/api/v1/conversations/${ticket.conversation.id}/messages`).set(app.owner.bearer).expect(200)
    ).body.items;
    expect(thread.map((m: { direction: string; body: string }) => [m.direction, m.body])).toEqual([
      ['in', 'Olá, vi o anúncio'],
      ['out', 'Olá Maria!'],
    ]);
    const [group] = await app.sql(
      `SELECT status FROM webhook_events WHERE body::text LIKE '%@g.us%' AND organization_id = $1`,
      [app.owner.organizationId],
    );
    expect(group.status).toBe('ignored');
  });

  it('uses remoteJidAlt when the chat is addressed by LID', async () => {
    await app
      .postEvolution(
        evolutionUpsert({ id: 'EV4', remoteJid: '206527381475390@lid', remoteJidAlt: '5531966665555@s.whatsapp.net' }),
      )
      .expect(200);
    await app.drain();
    expect((await app.tickets())[0].leadPhone).toBe('+5531966665555');
  });
});
