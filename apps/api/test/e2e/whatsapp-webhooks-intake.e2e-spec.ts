import { useWebhookFixture } from '../support/webhook-fixture';
import { cloudText, evolutionUpsert } from '../support/whatsapp-payloads';

/** Nothing a provider sends is lost: one bad message never costs the others, large and per-event bodies get in. */
describe('WhatsApp webhooks: nothing is lost', () => {
  const app = useWebhookFixture();

  const eventsApi = async (status?: string) =>
    (
      await app.http
        .get('/api/v1/webhook-events')
        .query(status ? { status } : {})
        .set(app.owner.bearer)
        .expect(200)
    ).body.items;

  const messagesOf = async (ticketId: string) => {
    const ticket = await app.detail(ticketId);
    return (
      await app.http.get(`/api/v1/conversations/${ticket.conversation.id}/messages`).set(app.owner.bearer).expect(200)
    ).body.items;
  };

  /**
   * One Cloud API delivery with two messages (Meta batches them: `contacts[]` and `messages[]` side by side): a good
   * sender with a number libphonenumber does not know, and one with neither `from` nor a matching contact.
   */
  function mixedDelivery(): Record<string, unknown> {
    const body = cloudText({ id: 'wamid.GOOD', text: 'chegou', waId: '999123' });
    const value = (body.entry as any)[0].changes[0].value;
    value.contacts.push({ profile: { name: 'Sem número' } });
    value.messages.push({ id: 'wamid.BAD', timestamp: '1767268801', type: 'text', text: { body: 'perdido?' } });
    return body;
  }

  it('applies the good message of a delivery, keeps the bad one with its reason, and retries only that one', async () => {
    await app.postCloud(mixedDelivery()).expect(200);
    await app.drain();

    const [event] = await eventsApi('partial');
    expect(event).toMatchObject({
      status: 'partial',
      attempts: 1,
      lastError: null,
      rejections: [
        {
          providerMessageId: 'wamid.BAD',
          code: 'no_sender',
          reason: expect.stringContaining('names no sender'),
          at: expect.any(String),
        },
      ],
    });
    const [ticket] = await app.tickets();
    expect(ticket.leadPhone).toBe('+999123');
    expect((await messagesOf(ticket.id)).map((m: { body: string }) => m.body)).toEqual(['chegou']);

    // A retry is accepted and idempotent: the stored message stays one, the bad one is rejected again.
    const again = await app.http.post(`/api/v1/webhook-events/${event.id}/retry`).set(app.owner.bearer).expect(200);
    expect(again.body).toMatchObject({ status: 'partial', rejections: [{ code: 'no_sender' }] });
    expect(await app.orgCount('whatsapp_messages')).toBe(1);

    // Once the cause is fixed (here: the stored message gets its sender), the retry applies the rejected message.
    await app.sql(
      `UPDATE webhook_events SET body = jsonb_set(body, '{entry,0,changes,0,value,messages,1,from}', '"5511955554444"')
       WHERE id = $1`,
      [event.id],
    );
    const fixed = await app.http.post(`/api/v1/webhook-events/${event.id}/retry`).set(app.owner.bearer).expect(200);
    expect(fixed.body).toMatchObject({ status: 'processed', rejections: [] });
    expect(await app.orgCount('whatsapp_messages')).toBe(2);
    expect(await app.orgCount('tickets')).toBe(2);
  });

  it('accepts a 5 MB Evolution media webhook (webhook_base64 on) and processes it', async () => {
    // Evolution v2 with webhook_base64 puts the downloaded media, base64, in data.message.base64 next to the
    // Baileys imageMessage (EvolutionAPI/evolution-api, whatsapp.baileys.service.ts, messages.upsert handler).
    const body = evolutionUpsert({ id: 'EVO-BIG-IMAGE' });
    const data = body.data as Record<string, unknown>;
    data.messageType = 'imageMessage';
    data.message = {
      imageMessage: { caption: 'foto do produto', mimetype: 'image/jpeg', fileLength: '3750000' },
      base64: Buffer.alloc(3_750_000, 7).toString('base64'),
    };
    expect(JSON.stringify(body).length).toBeGreaterThan(5_000_000);
    await app.postEvolution(body).expect(200);
    await app.drain();
    expect((await eventsApi())[0].status).toBe('processed');
    const [ticket] = await app.tickets();
    expect((await messagesOf(ticket.id))[0]).toMatchObject({ type: 'image', body: 'foto do produto' });
  });

  it('refuses a 5 MB body on a normal API route with 413 in the documented error body', async () => {
    const res = await app.http
      .post('/api/v1/tickets')
      .set(app.owner.bearer)
      .send({ notes: 'x'.repeat(5_000_000) })
      .expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
  });

  it('takes Evolution\'s "webhook by events" URLs, with or without `event` in the body', async () => {
    const url = (event: string) => `/api/v1/webhooks/whatsapp/evolution/${app.evolution.id}/${event}`;
    await app.http
      .post(url('messages-upsert'))
      .set('apikey', app.evolution.webhookToken)
      .send(evolutionUpsert({ id: 'EVO-BY-EVENT-1' }))
      .expect(200);
    const bare = evolutionUpsert({ id: 'EVO-BY-EVENT-2', text: 'sem event' });
    delete bare.event;
    await app.http.post(url('messages-upsert')).query({ token: app.evolution.webhookToken }).send(bare).expect(200);
    await app.http
      .post(url('connection-update'))
      .set('apikey', app.evolution.webhookToken)
      .send({ event: 'connection.update', instance: 'loja-centro', data: { instance: 'loja-centro', state: 'open' } })
      .expect(200);
    await app.http
      .post(url('messages-upsert'))
      .set('apikey', 'wrong')
      .send(evolutionUpsert({ id: 'X' }))
      .expect(401);
    await app.drain();
    expect((await eventsApi()).map((e: { status: string }) => e.status).sort()).toEqual([
      'ignored',
      'processed',
      'processed',
    ]);
    expect(await app.orgCount('whatsapp_messages')).toBe(2);
  });

  it('files no group conversation as a lead: Cloud API group_id and Evolution @g.us are ignored', async () => {
    // Meta's group messages webhook reference: the usual messages[] item, with `group_id`.
    const group = cloudText({ id: 'wamid.GROUP', text: 'oi grupo', waId: '5511933332222' });
    (group.entry as any)[0].changes[0].value.messages[0].group_id =
      'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyODM4ODY';
    await app.postCloud(group).expect(200);
    await app.postEvolution(evolutionUpsert({ id: 'EVO-GROUP', remoteJid: '120363041967849074@g.us' })).expect(200);
    await app.drain();
    expect((await eventsApi()).map((e: { status: string }) => e.status)).toEqual(['ignored', 'ignored']);
    expect(await app.orgCount('leads')).toBe(0);
    expect(await app.orgCount('tickets')).toBe(0);
  });
});
