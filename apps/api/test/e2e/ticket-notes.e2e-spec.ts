import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  addUser,
  createApiKey,
  createInstance,
  createTicket,
  ERROR_BODY,
  registerAccount,
  uniquePhone,
  type Account,
} from '../support/fixtures';
import { SseStream } from '../support/sse-client';

describe('internal notes (/tickets/:id/notes)', () => {
  let t: TestApp;
  let owner: Account;
  let agent: Account;
  let ticket: Record<string, any>;
  let base = '';

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/api/v1`;
  });

  beforeEach(async () => {
    owner = await registerAccount(t);
    await createInstance(t, owner);
    agent = await addUser(t, owner, 'agent');
    ticket = await createTicket(t, owner, { lead: { phone: uniquePhone() } });
  });

  afterAll(async () => {
    await t.close();
  });

  const notesPath = (ticketId = ticket.id as string) => `/api/v1/tickets/${ticketId}/notes`;
  const post = (body: Record<string, unknown>, account: Account = owner, ticketId?: string) =>
    t.http.post(notesPath(ticketId)).set(account.bearer).send(body);

  it('creates, lists oldest first (paginated, or newest first) and deletes notes, with realtime events', async () => {
    const stream = await SseStream.open(`${base}/events`, agent.bearer);
    try {
      await stream.waitForEvent('ready');
      const first = (
        await post({ text: 'Cliente pediu desconto. @Agente agent', mentionedUserIds: [agent.userId] }).expect(201)
      ).body;
      expect(first).toEqual({
        id: expect.any(String),
        ticketId: ticket.id,
        text: 'Cliente pediu desconto. @Agente agent',
        authorType: 'user',
        authorUserId: owner.userId,
        authorName: 'Maria Oliveira',
        mentionedUserIds: [agent.userId],
        createdAt: expect.stringMatching(/Z$/),
      });
      const created = await stream.waitForEvent('note.created', { noteId: first.id });
      expect(created.data).toEqual({
        ticketId: ticket.id,
        noteId: first.id,
        authorType: 'user',
        authorUserId: owner.userId,
        authorName: 'Maria Oliveira',
        mentionedUserIds: [agent.userId],
        createdAt: first.createdAt,
      });
      const second = (await post({ text: 'Sem menção' }, agent).expect(201)).body;
      expect(second.mentionedUserIds).toEqual([]);

      const all = (await t.http.get(notesPath()).set(agent.bearer).expect(200)).body;
      expect(all).toMatchObject({ total: 2, page: 1, pageSize: 20 });
      expect(all.items.map((n: { id: string }) => n.id)).toEqual([first.id, second.id]);
      const newest = (await t.http.get(notesPath()).query({ order: 'desc', pageSize: 1 }).set(owner.bearer).expect(200))
        .body;
      expect(newest).toMatchObject({ total: 2, pageSize: 1, items: [{ id: second.id }] });

      await t.http.delete(`${notesPath()}/${first.id}`).set(owner.bearer).expect(204);
      await stream.waitForEvent('note.deleted', { noteId: first.id, ticketId: ticket.id });
      const left = (await t.http.get(notesPath()).set(owner.bearer).expect(200)).body;
      expect(left.items.map((n: { id: string }) => n.id)).toEqual([second.id]);
      await t.http.delete(`${notesPath()}/${first.id}`).set(owner.bearer).expect(404);
    } finally {
      stream.close();
    }
  });

  it('never goes through WhatsApp: no message, no outbox row, the ticket untouched', async () => {
    const messages = `/api/v1/conversations/${ticket.conversation.id}/messages`;
    const before = (await t.http.get(messages).set(owner.bearer).expect(200)).body;
    await post({ text: 'Só para a equipe' }).expect(201);
    const after = (await t.http.get(messages).set(owner.bearer).expect(200)).body;
    expect(after).toEqual(before);
    const outbox = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM whatsapp_outbox WHERE organization_id = $1`,
      [owner.organizationId],
    );
    expect(outbox[0].n).toBe(0);
    const detail = (await t.http.get(`/api/v1/tickets/${ticket.id}`).set(owner.bearer).expect(200)).body;
    expect(detail).toMatchObject({ messagesCount: ticket.messagesCount, lastMessageAt: ticket.lastMessageAt });
  });

  it('refuses bad input with a code and the field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{}, 'text', 'is_string'],
      [{ text: '   ' }, 'text', 'matches'],
      [{ text: 'x'.repeat(4097) }, 'text', 'max_length'],
      [{ text: 'ok', mentionedUserIds: 'someone' }, 'mentionedUserIds', 'is_array'],
      [{ text: 'ok', mentionedUserIds: ['not-a-uuid'] }, 'mentionedUserIds', 'is_uuid'],
      [{ text: 'ok', mentionedUserIds: [agent.userId, agent.userId] }, 'mentionedUserIds', 'array_unique'],
      [{ text: 'ok', authorName: 'Fake' }, 'authorName', 'unknown_field'],
    ];
    for (const [body, field, code] of cases) {
      const res = await post(body).expect(400);
      expect(res.body).toMatchObject({ ...ERROR_BODY, code: 'invalid_input' });
      expect([body, res.body.details]).toEqual([
        body,
        expect.arrayContaining([expect.objectContaining({ field, code })]),
      ]);
    }
    await post({ text: 'x'.repeat(4096) }).expect(201);
    const listed = await t.http.get(notesPath()).query({ pageSize: 101 }).set(owner.bearer).expect(400);
    expect(listed.body.details[0]).toMatchObject({ field: 'pageSize' });
  });

  it("refuses a mention of another organization's user, and hides notes from other organizations", async () => {
    const other = await registerAccount(t, 'Outra Loja');
    await createInstance(t, other, '+55 11 93333-4444');
    const res = await post({ text: 'Oi', mentionedUserIds: [other.userId] }).expect(400);
    expect(res.body).toMatchObject({
      code: 'invalid_input',
      details: [
        {
          field: 'mentionedUserIds',
          code: 'unknown_user',
          message: `${other.userId} is not a user of the organization`,
        },
      ],
    });

    const note = (await post({ text: 'Interno' }).expect(201)).body;
    expect((await t.http.get(notesPath()).set(other.bearer).expect(404)).body.code).toBe('not_found');
    expect((await post({ text: 'Invasão' }, other).expect(404)).body.code).toBe('not_found');
    await t.http.delete(`${notesPath()}/${note.id}`).set(other.bearer).expect(404);
    const otherTicket = await createTicket(t, other, { lead: { phone: uniquePhone() } });
    // A note is reached only through its own ticket.
    await t.http
      .delete(`${notesPath(otherTicket.id)}/${note.id}`)
      .set(other.bearer)
      .expect(404);
    expect((await t.http.get(notesPath()).set(owner.bearer).expect(200)).body.total).toBe(1);
  });

  it('lets the author, owners and admins delete; another agent gets 403; API keys write under their name', async () => {
    const otherAgent = await addUser(t, owner, 'agent');
    const admin = await addUser(t, owner, 'admin');
    const byAgent = (await post({ text: 'Nota do agente' }, agent).expect(201)).body;
    const refused = await t.http.delete(`${notesPath()}/${byAgent.id}`).set(otherAgent.bearer).expect(403);
    expect(refused.body.code).toBe('not_note_author');
    await t.http.delete(`${notesPath()}/${byAgent.id}`).set(agent.bearer).expect(204);
    const again = (await post({ text: 'Outra' }, agent).expect(201)).body;
    await t.http.delete(`${notesPath()}/${again.id}`).set(admin.bearer).expect(204);

    const key = await createApiKey(t, owner, 'CRM externo', ['tickets']);
    const byKey = (
      await t.http
        .post(notesPath())
        .set('X-API-Key', key.key)
        .send({ text: 'Importado do CRM', mentionedUserIds: [agent.userId] })
        .expect(201)
    ).body;
    expect(byKey).toMatchObject({ authorType: 'api_key', authorUserId: null, authorName: 'API key CRM externo' });
    await t.http.delete(`${notesPath()}/${byKey.id}`).set(agent.bearer).expect(403);
    const readOnly = await createApiKey(t, owner, 'Leitura', ['read']);
    await t.http.post(notesPath()).set('X-API-Key', readOnly.key).send({ text: 'x' }).expect(403);
    await t.http.get(notesPath()).set('X-API-Key', readOnly.key).expect(200);
    await t.http.delete(`${notesPath()}/${byKey.id}`).set('X-API-Key', key.key).expect(204);
  });
});
