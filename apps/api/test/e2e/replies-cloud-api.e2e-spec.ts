import { addUser, createApiKey } from '../support/fixtures';
import { LEAD_WA_ID, RepliesFixture } from '../support/replies-fixture';
import { cloudStatus } from '../support/whatsapp-payloads';

/**
 * Agents answer leads from the ticket through the WhatsApp Cloud API: a fake Graph API on loopback receives the sends
 * and answers them (or fails on demand); status webhooks come back through the real intake.
 */
describe('Replies through the Cloud API', () => {
  const app = new RepliesFixture();

  beforeAll(() => app.start());
  beforeEach(() => app.newVerifiedOrganization());
  afterAll(() => app.stop());

  const status = async (wamid: string, state: string, extra: Record<string, unknown> = {}) => {
    const body = cloudStatus({ id: wamid, status: state }) as any;
    Object.assign(body.entry[0].changes[0].value.statuses[0], extra);
    await app.postCloud(body).expect(200);
    await app.drain();
  };

  it('sends exactly the documented request, then follows sent → delivered → read, never backwards', async () => {
    const ticketId = await app.leadWrites(1);
    const sendsBefore = app.graph.messageSends().length;
    const res = await app.reply(ticketId, { text: 'Olá! Segue o orçamento.' }).expect(202);
    expect(res.body).toMatchObject({
      direction: 'out',
      type: 'text',
      body: 'Olá! Segue o orçamento.',
      status: 'pending',
      senderUserId: app.owner.userId,
      senderName: expect.any(String),
      createdAt: expect.any(String),
    });

    await app.deliver();
    const sends = app.graph.messageSends().slice(sendsBefore);
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({
      path: `/v21.0/106540352242922/messages`,
      authorization: `Bearer ${app.token}`,
      query: {},
      body: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: LEAD_WA_ID,
        type: 'text',
        text: { preview_url: false, body: 'Olá! Segue o orçamento.' },
      },
    });
    const wamid = app.graph.sentIds.at(-1)!;
    expect(await app.message(ticketId, res.body.id)).toMatchObject({ status: 'sent' });
    const stored = await app.sql(`SELECT provider_message_id FROM whatsapp_messages WHERE id = $1`, [res.body.id]);
    expect(stored[0].provider_message_id).toBe(wamid);

    await status(wamid, 'delivered');
    expect((await app.message(ticketId, res.body.id)).status).toBe('delivered');
    await status(wamid, 'read');
    await status(wamid, 'delivered');
    expect((await app.message(ticketId, res.body.id)).status).toBe('read');

    const detail = await app.detail(ticketId);
    expect(detail.firstResponseAt).toBe(res.body.sentAt);
    expect(detail.messagesCount).toBe(2);
  });

  it('retries a 500 twice and sends once, counting the attempts', async () => {
    const ticketId = await app.leadWrites(1);
    app.graph.failNext(500, { error: { message: 'Service temporarily unavailable', code: 2 } });
    app.graph.failNext(503, { error: { message: 'Service temporarily unavailable', code: 2 } });
    const before = app.graph.messageSends().length;
    const { body } = await app.reply(ticketId, { text: 'Vamos lá' }).expect(202);

    await app.deliver(4);
    expect(app.graph.messageSends().length - before).toBe(3);
    expect((await app.message(ticketId, body.id)).status).toBe('sent');
    const outbox = await app.sql(`SELECT status, attempts FROM whatsapp_outbox WHERE message_id = $1`, [body.id]);
    expect(outbox[0]).toEqual({ status: 'sent', attempts: 3 });
  });

  it('fails a reply the Graph API refuses for good with its code and title, and sends it again on retry', async () => {
    const ticketId = await app.leadWrites(1);
    app.graph.failNext(400, {
      error: {
        message: '(#131047) Re-engagement message',
        type: 'OAuthException',
        code: 131047,
        error_data: {
          messaging_product: 'whatsapp',
          details: 'Message failed to send because more than 24 hours have passed',
        },
        error_user_title: 'Re-engagement message',
        fbtrace_id: 'F',
      },
    });
    const { body } = await app.reply(ticketId, { text: 'Oi' }).expect(202);
    await app.deliver(2);
    expect(await app.message(ticketId, body.id)).toMatchObject({
      status: 'failed',
      errorCode: '131047',
      errorTitle: 'Re-engagement message',
    });
    const before = app.graph.messageSends().length;
    await app.deliver(2);
    expect(app.graph.messageSends().length).toBe(before);

    const retried = await app.http
      .post(`/api/v1/tickets/${ticketId}/messages/${body.id}/retry`)
      .set(app.owner.bearer)
      .expect(202);
    expect(retried.body).toMatchObject({ id: body.id, status: 'pending', errorCode: null });
    await app.deliver();
    expect((await app.message(ticketId, body.id)).status).toBe('sent');
    await app.http.post(`/api/v1/tickets/${ticketId}/messages/${body.id}/retry`).set(app.owner.bearer).expect(409);
  });

  it('keeps a failed status webhook’s error on the message', async () => {
    const ticketId = await app.leadWrites(1);
    const { body } = await app.reply(ticketId, { text: 'Oi' }).expect(202);
    await app.deliver();
    await status(app.graph.sentIds.at(-1)!, 'failed', {
      errors: [{ code: 131026, title: 'Message undeliverable', message: 'Message undeliverable' }],
    });
    expect(await app.message(ticketId, body.id)).toMatchObject({
      status: 'failed',
      errorCode: '131026',
      errorTitle: 'Message undeliverable',
    });
  });

  it('applies a status that arrives before the worker stored the wamid', async () => {
    const ticketId = await app.leadWrites(1);
    const { body } = await app.reply(ticketId, { text: 'Rápido' }).expect(202);
    await status(app.graph.nextSentId(), 'delivered');
    expect(await app.orgCount('whatsapp_status_orphans')).toBe(1);
    await app.deliver();
    expect((await app.message(ticketId, body.id)).status).toBe('delivered');
    expect(await app.orgCount('whatsapp_status_orphans')).toBe(0);
  });

  it('applies a status kept as an orphan whose message got its wamid in a racing transaction', async () => {
    const ticketId = await app.leadWrites(1);
    const { body } = await app.reply(ticketId, { text: 'Corrida de transações' }).expect(202);
    await app.deliver();
    // The webhook's transaction committed its orphan just after the worker's recordSent had looked for orphans.
    await app.sql(
      `INSERT INTO whatsapp_status_orphans (organization_id, instance_id, provider_message_id, status)
       VALUES ($1, $2, $3, 'read')`,
      [app.owner.organizationId, app.cloud.id, app.graph.sentIds.at(-1)],
    );
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // the worker adopts orphans about once a second
    await app.deliver();
    expect((await app.message(ticketId, body.id)).status).toBe('read');
    expect(await app.orgCount('whatsapp_status_orphans')).toBe(0);
  });

  it('sends free text 23 h after the lead wrote, refuses it at 25 h with 409, and sends a template then', async () => {
    const open = await app.leadWrites(23);
    expect((await app.detail(open)).replyWindow).toEqual({ open: true, expiresAt: expect.any(String) });
    await app.reply(open, { text: 'Ainda dá tempo' }).expect(202);

    await app.newVerifiedOrganization();
    const closed = await app.leadWrites(25);
    const detail = await app.detail(closed);
    expect(detail.replyWindow.open).toBe(false);
    const refused = await app.reply(closed, { text: 'Oi de novo' }).expect(409);
    expect(refused.body).toMatchObject({ code: 'reply_window_closed' });
    expect(await app.orgCount('whatsapp_outbox')).toBe(0);

    const before = app.graph.messageSends().length;
    const template = { name: 'retomada_atendimento', language: 'pt_BR', variables: ['Maria', 'amanhã'] };
    const { body } = await app.reply(closed, { template }).expect(202);
    expect(body).toMatchObject({ type: 'template', status: 'pending', body: 'Olá Maria, podemos retomar amanhã?' });
    const unknown = await app.reply(closed, { template: { ...template, name: 'promo' } }).expect(400);
    expect(unknown.body.details[0]).toMatchObject({ field: 'template.name', code: 'template_not_found' });
    const short = await app.reply(closed, { template: { ...template, variables: ['Maria'] } }).expect(400);
    expect(short.body.details[0]).toMatchObject({ field: 'template.variables' });
    await app.deliver();
    const sends = app.graph.messageSends().slice(before);
    expect(sends.map((s) => s.body)).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: LEAD_WA_ID,
        type: 'template',
        template: {
          name: 'retomada_atendimento',
          language: { code: 'pt_BR' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Maria' },
                { type: 'text', text: 'amanhã' },
              ],
            },
          ],
        },
      },
    ]);
  });

  it('answers a repeated Idempotency-Key with the first reply and sends once, also when both race', async () => {
    const ticketId = await app.leadWrites(1);
    const first = await app.reply(ticketId, { text: 'Uma vez' }, { 'Idempotency-Key': 'abc-123' }).expect(202);
    const again = await app.reply(ticketId, { text: 'Uma vez' }, { 'Idempotency-Key': 'abc-123' }).expect(202);
    expect(again.body).toEqual(first.body);
    const raced = await Promise.all(
      [1, 2, 3].map(() => app.reply(ticketId, { text: 'Corrida' }, { 'Idempotency-Key': 'race-1' })),
    );
    expect(raced.map((r) => r.status)).toEqual([202, 202, 202]);
    expect(new Set(raced.map((r) => r.body.id)).size).toBe(1);
    const before = app.graph.messageSends().length;
    await app.deliver();
    expect(app.graph.messageSends().length - before).toBe(2);
    await app.reply(ticketId, { text: 'x' }, { 'Idempotency-Key': 'bad key' }).expect(400);
  });

  it('lets agents and API keys reply, not other organizations nor revoked keys; never shows the token', async () => {
    const ticketId = await app.leadWrites(1);
    const agent = await addUser(app.t, app.owner, 'agent');
    const byAgent = await app.http
      .post(`/api/v1/tickets/${ticketId}/messages`)
      .set(agent.bearer)
      .send({ text: 'Sou o agente' })
      .expect(202);
    expect(byAgent.body.senderUserId).toBe(agent.userId);

    const { id, key } = await createApiKey(app.t, app.owner, 'CRM', ['tickets']);
    await app.http.post(`/api/v1/tickets/${ticketId}/messages`).set('X-API-Key', key).send({ text: 'API' }).expect(202);
    await app.http.delete(`/api/v1/api-keys/${id}`).set(app.owner.bearer).expect(204);
    await app.http.post(`/api/v1/tickets/${ticketId}/messages`).set('X-API-Key', key).send({ text: 'x' }).expect(401);

    const owner = app.owner;
    await app.newVerifiedOrganization();
    const res = await app.http
      .post(`/api/v1/tickets/${ticketId}/messages`)
      .set(app.owner.bearer)
      .send({ text: 'intruso' })
      .expect(404);
    expect(JSON.stringify(res.body)).not.toContain(app.token);
    const instance = await app.http.get(`/api/v1/whatsapp-instances/${app.cloud.id}`).set(app.owner.bearer).expect(200);
    expect(JSON.stringify(instance.body)).not.toContain(app.token);
    expect(instance.body).toMatchObject({ hasAccessToken: true, verified: true });
    expect(owner.organizationId).not.toBe(app.owner.organizationId);
  });

  it('refuses bad bodies with 400 naming the field', async () => {
    const ticketId = await app.leadWrites(1);
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'text'],
      [{ text: 'a', template: { name: 'x', language: 'pt_BR' } }, 'text'],
      [{ text: '   ' }, 'text'],
      [{ text: 'a'.repeat(4097) }, 'text'],
      [{ template: { name: 'Bad Name', language: 'pt_BR' } }, 'template.name'],
    ];
    for (const [body, field] of cases) {
      const res = await app.reply(ticketId, body).expect(400);
      expect(JSON.stringify(res.body.details)).toContain(field);
    }
  });

  it('stores coexistence echoes (sent from the Business app) as outbound messages of the lead’s conversation', async () => {
    const ticketId = await app.leadWrites(1);
    const echo = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'smb_message_echoes',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
                message_echoes: [
                  {
                    from: '15550783881',
                    to: LEAD_WA_ID,
                    id: `wamid.ECHO${Date.now()}`,
                    timestamp: String(Math.floor(Date.now() / 1000)),
                    type: 'text',
                    text: { body: 'Respondi pelo celular' },
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    await app.postCloud(echo).expect(200);
    await app.drain();
    const messages = await app.messages(ticketId);
    expect(messages.map((m) => [m.direction, m.body])).toEqual([
      ['in', 'Quero um orçamento'],
      ['out', 'Respondi pelo celular'],
    ]);
    const events = await app.sql(
      `SELECT organization_id, status FROM webhook_events WHERE body::text LIKE '%Respondi pelo%'`,
    );
    expect(events[0]).toEqual({ organization_id: app.owner.organizationId, status: 'processed' });
    expect((await app.detail(ticketId)).firstResponseAt).not.toBeNull();
  });
});
