import { createTestApp, type TestApp } from '../support/test-app';
import { createInstance, createTicket, registerAccount, uniquePhone, type Account } from '../support/fixtures';

interface Message {
  id: string;
  ticketId: string;
  direction: 'in' | 'out';
  type: string;
  body: string | null;
  status: string | null;
  sentAt: string;
}

interface MessageList {
  items: Message[];
  total: number;
  page: number;
  pageSize: number;
}

interface TicketRef {
  id: string;
  conversationId: string;
  instanceId: string;
}

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

describe('conversation messages', () => {
  let t: TestApp;
  let owner: Account;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp();
  });

  beforeEach(async () => {
    owner = await registerAccount(t);
    await createInstance(t, owner);
  });

  afterAll(async () => {
    await t.close();
  });

  const ticketFor = async (phone: string, account: Account = owner): Promise<TicketRef> => {
    const ticket = await createTicket(t, account, { lead: { phone } });
    return { id: ticket.id, conversationId: ticket.conversation.id, instanceId: ticket.conversation.instance.id };
  };

  const insertMessage = async (
    account: Account,
    ticket: TicketRef,
    message: { direction: 'in' | 'out'; body: string | null; sentAt: string; type?: string; status?: string },
  ): Promise<void> => {
    await t.dataSource.query(
      `INSERT INTO whatsapp_messages
         (organization_id, conversation_id, ticket_id, instance_id, provider_message_id, direction, type, body, status, sent_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        account.organizationId,
        ticket.conversationId,
        ticket.id,
        ticket.instanceId,
        `wamid.${++seq}`,
        message.direction,
        message.type ?? 'text',
        message.body,
        message.status ?? null,
        message.sentAt,
      ],
    );
  };

  const messages = async (conversationId: string, query: Record<string, number | string> = {}): Promise<MessageList> =>
    (await t.http.get(`/api/v1/conversations/${conversationId}/messages`).query(query).set(owner.bearer).expect(200))
      .body as MessageList;

  it('lists the messages oldest first with paging and total', async () => {
    const phone = uniquePhone();
    const first = await ticketFor(phone);
    const second = await ticketFor(phone);
    expect(second.conversationId).toBe(first.conversationId);
    expect(await messages(first.conversationId)).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });

    // Inserted out of order; two share a timestamp.
    await insertMessage(owner, second, { direction: 'in', body: 'Quero fechar', sentAt: '2026-01-16T09:00:00Z' });
    await insertMessage(owner, first, { direction: 'in', body: 'Olá', sentAt: '2026-01-15T10:00:00Z' });
    await insertMessage(owner, first, {
      direction: 'out',
      body: 'Oi! Como posso ajudar?',
      sentAt: '2026-01-15T10:01:00Z',
      status: 'read',
    });
    await insertMessage(owner, first, { direction: 'in', body: null, type: 'image', sentAt: '2026-01-15T10:05:00Z' });
    await insertMessage(owner, first, { direction: 'in', body: 'Essa foto', sentAt: '2026-01-15T10:05:00Z' });

    const all = await messages(first.conversationId);
    expect(all.total).toBe(5);
    expect(all.items.map((m) => m.sentAt)).toEqual([
      '2026-01-15T10:00:00.000Z',
      '2026-01-15T10:01:00.000Z',
      '2026-01-15T10:05:00.000Z',
      '2026-01-15T10:05:00.000Z',
      '2026-01-16T09:00:00.000Z',
    ]);
    const tied = all.items.slice(2, 4).map((m) => m.id);
    expect(tied).toEqual([...tied].sort());
    expect(all.items[0]).toEqual({
      id: expect.any(String),
      ticketId: first.id,
      direction: 'in',
      type: 'text',
      body: 'Olá',
      status: null,
      sentAt: '2026-01-15T10:00:00.000Z',
      createdAt: expect.any(String),
      senderUserId: null,
      senderName: null,
      errorCode: null,
      errorTitle: null,
      content: null,
      context: null,
      reactions: [],
      deletedAt: null,
      media: null,
    });
    expect(all.items[1]).toMatchObject({ direction: 'out', status: 'read', body: 'Oi! Como posso ajudar?' });
    expect(all.items.find((m) => m.type === 'image')).toMatchObject({ body: null });
    expect(all.items[4]).toMatchObject({ ticketId: second.id, body: 'Quero fechar' });

    const page2 = await messages(first.conversationId, { page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.items.map((m) => m.id)).toEqual(all.items.slice(2, 4).map((m) => m.id));
    const page3 = await messages(first.conversationId, { page: 3, pageSize: 2 });
    expect(page3.items.map((m) => m.id)).toEqual(all.items.slice(4).map((m) => m.id));
    expect(await messages(first.conversationId, { page: 4, pageSize: 2 })).toMatchObject({ items: [], total: 5 });

    // Newest first, as a chat opens: page 1 holds the latest messages.
    const newest = await messages(first.conversationId, { order: 'desc', pageSize: 2 });
    expect(newest).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(newest.items.map((m) => m.id)).toEqual([all.items[4].id, all.items[3].id]);
    const older = await messages(first.conversationId, { order: 'desc', page: 3, pageSize: 2 });
    expect(older.items.map((m) => m.id)).toEqual([all.items[0].id]);
  });

  it("lists only the conversation's own messages", async () => {
    const a = await ticketFor(uniquePhone());
    const b = await ticketFor(uniquePhone());
    await insertMessage(owner, a, { direction: 'in', body: 'A', sentAt: '2026-01-15T10:00:00Z' });
    await insertMessage(owner, b, { direction: 'in', body: 'B', sentAt: '2026-01-15T10:00:00Z' });
    expect((await messages(a.conversationId)).items.map((m) => m.body)).toEqual(['A']);
    expect((await messages(b.conversationId)).items.map((m) => m.body)).toEqual(['B']);
  });

  it("answers 404 for a missing or another organization's conversation", async () => {
    const other = await registerAccount(t);
    await createInstance(t, other);
    const foreign = await ticketFor(uniquePhone(), other);
    await insertMessage(other, foreign, { direction: 'in', body: 'Segredo', sentAt: '2026-01-15T10:00:00Z' });

    const res = await t.http
      .get(`/api/v1/conversations/${foreign.conversationId}/messages`)
      .set(owner.bearer)
      .expect(404);
    expect(res.body.message).toContain(foreign.conversationId);
    await t.http.get(`/api/v1/conversations/${MISSING_ID}/messages`).set(owner.bearer).expect(404);
    const mine = await t.http
      .get(`/api/v1/conversations/${foreign.conversationId}/messages`)
      .set(other.bearer)
      .expect(200);
    expect(mine.body.total).toBe(1);
  });

  it('answers 400 for a malformed id or paging parameters', async () => {
    const bad = await t.http.get('/api/v1/conversations/not-a-uuid/messages').set(owner.bearer).expect(400);
    expect(bad.body.details[0].field).toBe('id');
    const { conversationId } = await ticketFor(uniquePhone());
    for (const query of [{ page: 0 }, { pageSize: 101 }, { page: 'x' }, { order: 'newest' }]) {
      await t.http.get(`/api/v1/conversations/${conversationId}/messages`).query(query).set(owner.bearer).expect(400);
    }
  });

  it('requires authentication', async () => {
    await t.http.get(`/api/v1/conversations/${MISSING_ID}/messages`).expect(401);
  });
});
