import { FakeEvolutionApi } from '../support/fake-evolution-api';
import { RepliesFixture } from '../support/replies-fixture';
import { evolutionUpsert } from '../support/whatsapp-payloads';

const API_KEY = 'evo-key-0123456789';
const LEAD = '5521988887777';

/** Agents answer leads on an Evolution API line: a fake Evolution server on loopback takes the sends. */
describe('Replies through the Evolution API', () => {
  const app = new RepliesFixture();
  const evolution = new FakeEvolutionApi(API_KEY);
  let seq = 0;

  beforeAll(async () => {
    await evolution.start();
    await app.start({ ALLOW_PRIVATE_NETWORK_TARGETS: 'true' });
  });
  beforeEach(async () => {
    await app.newVerifiedOrganization();
    await app.http
      .patch(`/api/v1/whatsapp-instances/${app.evolution.id}`)
      .set(app.owner.bearer)
      .send({ providerPhoneNumberId: 'loja-centro', apiUrl: evolution.base, apiKey: API_KEY })
      .expect(200);
  });
  afterAll(async () => {
    await app.stop();
    await evolution.stop();
  });

  const leadWrites = async (hoursAgo = 0): Promise<string> => {
    const timestamp = Math.floor((Date.now() - hoursAgo * 3600_000) / 1000);
    await app.postEvolution(evolutionUpsert({ id: `EVO-IN-${process.pid}-${++seq}`, timestamp })).expect(200);
    await app.drain();
    return (await app.tickets())[0].id as string;
  };

  const update = async (keyId: string, status: string) => {
    const body = {
      event: 'messages.update',
      instance: 'loja-centro',
      data: { messageId: 'cm-internal', keyId, remoteJid: `${LEAD}@s.whatsapp.net`, fromMe: true, status },
    };
    await app.postEvolution(body).expect(200);
    await app.drain();
  };

  it('sends {number, text} with the apikey header and follows messages.update, never backwards', async () => {
    const ticketId = await leadWrites(48); // no 24-hour rule on Evolution lines
    expect((await app.detail(ticketId)).replyWindow).toEqual({ open: true, expiresAt: null });
    const { body } = await app.reply(ticketId, { text: 'Olá, Maria!' }).expect(202);
    await app.deliver();
    expect(evolution.sends().at(-1)).toEqual({
      method: 'POST',
      path: '/message/sendText/loja-centro',
      apikey: API_KEY,
      body: { number: LEAD, text: 'Olá, Maria!' },
    });
    const keyId = evolution.sentIds.at(-1)!;
    expect((await app.message(ticketId, body.id)).status).toBe('sent');

    // Evolution echoes the number's own messages (ours too): the echo is the same message, not a second one.
    await app.postEvolution(evolutionUpsert({ id: keyId, fromMe: true, text: 'Olá, Maria!' })).expect(200);
    await app.drain();
    await update(keyId, 'DELIVERY_ACK');
    expect((await app.message(ticketId, body.id)).status).toBe('delivered');
    await update(keyId, 'READ');
    await update(keyId, 'DELIVERY_ACK');
    const messages = await app.messages(ticketId);
    expect(messages.filter((m) => m.direction === 'out').map((m) => [m.id, m.status])).toEqual([[body.id, 'read']]);
    expect((await app.detail(ticketId)).messagesCount).toBe(2);
  });

  it('keeps one message when the echo is processed before the worker stored the key id', async () => {
    const ticketId = await leadWrites();
    const { body } = await app.reply(ticketId, { text: 'Corrida' }).expect(202);
    await app.postEvolution(evolutionUpsert({ id: evolution.nextSentId(), fromMe: true, text: 'Corrida' })).expect(200);
    await app.drain();
    expect((await app.messages(ticketId)).filter((m) => m.direction === 'out')).toHaveLength(2);
    await app.deliver();
    const out = (await app.messages(ticketId)).filter((m) => m.direction === 'out');
    expect(out.map((m) => [m.id, m.status, m.senderUserId])).toEqual([[body.id, 'sent', app.owner.userId]]);
    expect((await app.detail(ticketId)).messagesCount).toBe(2);
  });

  it('fails a reply the gateway refuses (unknown number) with its reason, and retries a 500', async () => {
    const ticketId = await leadWrites();
    evolution.failNext(500, {
      status: 500,
      error: 'Internal Server Error',
      response: { message: 'Connection Closed' },
    });
    const retried = await app.reply(ticketId, { text: 'Tentativa' }).expect(202);
    await app.deliver(3);
    expect((await app.message(ticketId, retried.body.id)).status).toBe('sent');

    evolution.failNext(400, {
      status: 400,
      error: 'Bad Request',
      response: { message: [{ exists: false, jid: `${LEAD}@s.whatsapp.net`, number: LEAD }] },
    });
    const refused = await app.reply(ticketId, { text: 'Não vai' }).expect(202);
    await app.deliver(2);
    expect(await app.message(ticketId, refused.body.id)).toMatchObject({
      status: 'failed',
      errorCode: '400',
      errorTitle: `The number ${LEAD} is not on WhatsApp`,
    });
  });

  it('refuses templates on Evolution lines, and says when the line has no credentials', async () => {
    const ticketId = await leadWrites();
    const template = await app
      .reply(ticketId, { template: { name: 'retomada_atendimento', language: 'pt_BR', variables: [] } })
      .expect(400);
    expect(template.body.details[0]).toMatchObject({ field: 'template', code: 'template_not_supported' });

    await app.http
      .patch(`/api/v1/whatsapp-instances/${app.evolution.id}`)
      .set(app.owner.bearer)
      .send({ apiKey: null })
      .expect(200);
    expect((await app.detail(ticketId)).conversation.instance.canSend).toBe(false);
    const res = await app.reply(ticketId, { text: 'Oi' }).expect(422);
    expect(res.body.code).toBe('whatsapp_line_not_configured');
  });
});
