import type { AddressInfo } from 'node:net';
import { JwtService } from '@nestjs/jwt';
import {
  addUser,
  createApiKey,
  createInstance,
  listStages,
  registerAccount,
  uniquePhone,
  type Account,
} from '../support/fixtures';
import { adminUrl } from '../setup/test-database';
import { SseStream } from '../support/sse-client';
import { useWebhookFixture } from '../support/webhook-fixture';
import { cloudText } from '../support/whatsapp-payloads';

const QUEUE_FIELDS = [
  'assigneeId',
  'dealValue',
  'status',
  'unreadCount',
  'waitingSince',
  'lastMessageAt',
  'lastMessagePreview',
  'lastMessageType',
  'lastMessageDirection',
  'updatedAt',
] as const;

describe('GET /events (server-sent events)', () => {
  // Access is re-checked every 300 ms here (30 s in production), so a revoked key ends its stream quickly.
  const f = useWebhookFixture({ EVENTS_ACCESS_CHECK_MS: '300' });
  let base = '';
  const streams: SseStream[] = [];

  beforeAll(async () => {
    await f.t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(f.t.app.getHttpServer().address() as AddressInfo).port}/api/v1`;
  });

  afterEach(() => {
    for (const s of streams.splice(0)) s.close();
  });

  async function open(headers: Record<string, string>): Promise<SseStream> {
    const stream = await SseStream.open(`${base}/events`, headers);
    streams.push(stream);
    if (stream.status === 200) await stream.waitForEvent('ready');
    return stream;
  }

  const newTicket = async (account: Account, body: Record<string, unknown> = {}) =>
    (
      await f.http
        .post('/api/v1/tickets')
        .set(account.bearer)
        .send({ lead: { phone: uniquePhone() }, ...body })
        .expect(201)
    ).body as { id: string; stage: { id: string } };

  it('answers the SSE headers, retry and ready, and ticket.created when a ticket is created', async () => {
    const stream = await open(f.owner.bearer);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['cache-control']).toBe('no-cache, no-transform');
    expect(stream.headers['x-accel-buffering']).toBe('no');
    expect(stream.retry).toBe(2000);
    expect(stream.events[0]).toEqual({ id: null, event: 'ready', data: { resumed: false } });

    const ticket = await newTicket(f.owner);
    const created = await stream.waitForEvent('ticket.created', { ticketId: ticket.id });
    const detail = await f.detail(ticket.id);
    expect(created.id).toMatch(/^\d+$/);
    expect(created.data).toEqual({
      ticketId: ticket.id,
      stageId: detail.stage.id,
      assigneeId: null,
      status: 'open',
      createdAt: detail.createdAt,
    });
  });

  it('sends ticket.updated when another user of the organization moves the ticket', async () => {
    const agent = await addUser(f.t, f.owner, 'agent');
    const stages = await listStages(f.t, f.owner);
    const ticket = await newTicket(f.owner);
    const stream = await open(f.owner.bearer);
    await f.http
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(agent.bearer)
      .send({ stageId: stages[1]!.id, dealValue: 250.5 })
      .expect(200);
    const updated = await stream.waitForEvent('ticket.updated', { ticketId: ticket.id, stageId: stages[1]!.id });
    const detail = await f.detail(ticket.id);
    for (const field of QUEUE_FIELDS) expect([field, updated.data[field]]).toEqual([field, detail[field]]);
    expect(updated.data.dealValue).toBe(250.5);
  });

  it('sends message.created and the queue state from a signed webhook processed by the worker', async () => {
    const stream = await open(f.owner.bearer);
    await f.postCloud(cloudText({ id: 'wamid.EVENTS1', text: 'Oi, quero  saber o preço', timestamp: 1767268800 }));
    await f.drain();
    const [ticket] = await f.tickets();
    const message = await stream.waitForEvent('message.created', { ticketId: ticket.id });
    const detail = await f.detail(ticket.id);
    expect(message.data).toEqual({
      ticketId: ticket.id,
      conversationId: detail.conversation.id,
      messageId: expect.any(String),
      direction: 'in',
      type: 'text',
      status: null,
      createdAt: expect.stringMatching(/Z$/),
    });
    const updated = await stream.waitForEvent('ticket.updated', { ticketId: ticket.id, unreadCount: 1 });
    expect(updated.data.lastMessagePreview).toBe('Oi, quero saber o preço');
    expect(updated.data.lastMessageDirection).toBe('in');
    for (const field of QUEUE_FIELDS) expect([field, updated.data[field]]).toEqual([field, detail[field]]);
  });

  it('sends sale.created and sale.deleted', async () => {
    const ticket = await newTicket(f.owner);
    const stream = await open(f.owner.bearer);
    const sale = (
      await f.http.post(`/api/v1/tickets/${ticket.id}/sales`).set(f.owner.bearer).send({ value: 199.9 }).expect(201)
    ).body as { id: string };
    const created = await stream.waitForEvent('sale.created', { saleId: sale.id });
    expect(created.data).toEqual({ ticketId: ticket.id, saleId: sale.id, value: 199.9 });
    await f.http.delete(`/api/v1/sales/${sale.id}`).set(f.owner.bearer).expect(204);
    await stream.waitForEvent('sale.deleted', { saleId: sale.id, ticketId: ticket.id });
  });

  it("never sends another organization's events", async () => {
    const other = await registerAccount(f.t, 'Outra Loja');
    await createInstance(f.t, other, '+55 11 93333-4444');
    const streamB = await open(other.bearer);
    const ticketsOfA: string[] = [];
    for (let i = 0; i < 3; i++) ticketsOfA.push((await newTicket(f.owner)).id);
    const stages = await listStages(f.t, f.owner);
    await f.http.patch(`/api/v1/tickets/${ticketsOfA[0]}`).set(f.owner.bearer).send({ stageId: stages[1]!.id });
    // A's own stream saw them all; B then gets its marker, and nothing of A before (or with) it.
    const marker = await newTicket(other);
    const markerEvent = await streamB.waitForEvent('ticket.created', { ticketId: marker.id });
    const seen = streamB.events.map((e) => e.data?.ticketId as string | undefined);
    expect(seen.filter((id) => id && ticketsOfA.includes(id))).toEqual([]);
    expect(streamB.events.slice(0, streamB.events.indexOf(markerEvent)).map((e) => e.event)).toEqual(['ready']);
  });

  it('ends the stream when the token expires', async () => {
    const jwt = f.t.app.get(JwtService, { strict: false });
    const token = jwt.sign({ sub: f.owner.userId, org: f.owner.organizationId }, { expiresIn: 2 });
    const stream = await open({ Authorization: `Bearer ${token}` });
    expect(stream.isEnded).toBe(false);
    await stream.ended;
    const again = await open({ Authorization: `Bearer ${token}` });
    expect(again.status).toBe(401);
  });

  it('ends an API key stream once the key is revoked; a read key may stream', async () => {
    const key = await createApiKey(f.t, f.owner, 'Painel', ['read']);
    const stream = await open({ 'X-API-Key': key.key });
    expect(stream.status).toBe(200);
    const ticket = await newTicket(f.owner);
    await stream.waitForEvent('ticket.created', { ticketId: ticket.id });
    await f.http.delete(`/api/v1/api-keys/${key.id}`).set(f.owner.bearer).expect(204);
    await stream.ended;
  });

  it('resumes after Last-Event-ID with the event missed meanwhile, exactly once', async () => {
    const first = await open(f.owner.bearer);
    const t1 = await newTicket(f.owner);
    const seen = await first.waitForEvent('ticket.created', { ticketId: t1.id });
    first.close();
    const t2 = await newTicket(f.owner);
    const resumed = await SseStream.open(`${base}/events`, { ...f.owner.bearer, 'Last-Event-ID': seen.id! });
    streams.push(resumed);
    const ready = await resumed.waitForEvent('ready');
    expect(ready.data).toEqual({ resumed: true });
    await resumed.waitForEvent('ticket.created', { ticketId: t2.id });
    const marker = await newTicket(f.owner);
    await resumed.waitForEvent('ticket.created', { ticketId: marker.id });
    const createdT2 = resumed.events.filter((e) => e.event === 'ticket.created' && e.data.ticketId === t2.id);
    expect(createdT2).toHaveLength(1);
    expect(resumed.events.some((e) => e.data?.ticketId === t1.id)).toBe(false);
  });

  it('answers resumed:false for an id it does not know', async () => {
    const stream = await SseStream.open(`${base}/events`, { ...f.owner.bearer, 'Last-Event-ID': '999999999999' });
    streams.push(stream);
    expect((await stream.waitForEvent('ready')).data).toEqual({ resumed: false });
  });

  it('answers 401 without credentials', async () => {
    const stream = await open({});
    expect(stream.status).toBe(401);
    await stream.ended;
    expect(JSON.parse(stream.body)).toMatchObject({ statusCode: 401, code: expect.any(String) });
  });

  // Only PostgreSQL has a listener connection to lose (the embedded database listens in-process).
  if (adminUrl()) {
    it('sends resync when its database listener reconnects, then streams again; older ids no longer resume', async () => {
      const stream = await open(f.owner.bearer);
      const before = await newTicket(f.owner);
      const seen = await stream.waitForEvent('ticket.created', { ticketId: before.id });
      await f.sql(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = 'whatrack-events'`,
      );
      expect(await stream.waitForEvent('resync', {}, 15_000)).toEqual({ id: null, event: 'resync', data: {} });
      const after = await newTicket(f.owner);
      await stream.waitForEvent('ticket.created', { ticketId: after.id });
      const resumed = await SseStream.open(`${base}/events`, { ...f.owner.bearer, 'Last-Event-ID': seen.id! });
      streams.push(resumed);
      expect((await resumed.waitForEvent('ready')).data).toEqual({ resumed: false });
    });
  }
});
