import { verifyWebhookSignature } from '../../src/modules/webhook-subscriptions/webhook-signature';
import { FakeWebhookReceiver, type ReceivedWebhook } from '../support/fake-webhook-receiver';
import {
  type Account,
  addUser,
  createApiKey,
  createInstance,
  createTicket,
  listStages,
  registerAccount,
  uniquePhone,
} from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

interface Subscription {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  secret?: string;
}

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  attemptLog: { statusCode: number | null; error: string | null }[];
}

const MAX_ATTEMPTS = 3;

/**
 * Outbound webhooks against a real receiver on loopback, with the worker running as in production (short poll and
 * backoff from the environment): signed deliveries, retries after a failure, the log, filtering, tests, isolation.
 */
describe('webhook subscriptions', () => {
  let t: TestApp;
  let owner: Account;
  let other: Account;
  const receiver = new FakeWebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    t = await createTestApp({
      WEBHOOKS_ALLOW_PRIVATE_URLS: 'true',
      WEBHOOKS_WORKER_INTERVAL_MS: '50',
      WEBHOOKS_RETRY_BASE_MS: '100',
      WEBHOOKS_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    });
    owner = await registerAccount(t);
    other = await registerAccount(t, 'Outra Loja');
    await createInstance(t, owner, '+55 11 94100-0001');
    await createInstance(t, other, '+55 11 94100-0002');
  });

  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  const api = '/api/v1/webhook-subscriptions';
  const subscribe = async (path: string, events: string[], account = owner): Promise<Subscription> =>
    (
      await t.http
        .post(api)
        .set(account.bearer)
        .send({ url: `${receiver.base}${path}`, events })
        .expect(201)
    ).body as Subscription;
  const deliveries = async (id: string, query = ''): Promise<{ items: Delivery[]; nextCursor: string | null }> =>
    (await t.http.get(`${api}/${id}/deliveries${query}`).set(owner.bearer).expect(200)).body;

  async function waitFor<T>(read: () => Promise<T> | T, done: (value: T) => boolean, what: string): Promise<T> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const verifies = (secret: string, request: ReceivedWebhook) =>
    verifyWebhookSignature(
      secret,
      {
        timestamp: String(request.headers['x-whatrack-timestamp']),
        signature: String(request.headers['x-whatrack-signature']),
      },
      request.raw,
      Math.floor(Date.now() / 1000),
    );

  it('refuses a bad url or events with a code naming the field, and never returns the secret again', async () => {
    for (const [url, code] of [
      ['ftp://hooks.example.com/x', 'invalid_url'],
      ['not a url', 'invalid_url'],
      [`http://user:pw@127.0.0.1:9/x`, 'credentials_in_url'],
    ]) {
      const res = await t.http
        .post(api)
        .set(owner.bearer)
        .send({ url, events: ['ticket.created'] })
        .expect(400);
      expect(res.body).toMatchObject({ code: 'invalid_input', details: [{ field: 'url', code }] });
    }
    const events = await t.http
      .post(api)
      .set(owner.bearer)
      .send({ url: `${receiver.base}/x`, events: ['ticket.deleted'] })
      .expect(400);
    expect(events.body.details).toEqual([expect.objectContaining({ field: 'events' })]);
    await t.http
      .post(api)
      .set(owner.bearer)
      .send({ url: `${receiver.base}/x`, events: [] })
      .expect(400);

    const created = await subscribe('/x', ['ticket.created']);
    expect(created.secret).toMatch(/^whsec_/);
    const listed = (await t.http.get(api).set(owner.bearer).expect(200)).body.items as Subscription[];
    expect(listed.find((s) => s.id === created.id)).toEqual(
      expect.not.objectContaining({ secret: expect.anything(), secretEncrypted: expect.anything() }),
    );
    const patched = await t.http.patch(`${api}/${created.id}`).set(owner.bearer).send({ url: 'ftp://x' }).expect(400);
    expect(patched.body.details).toEqual([expect.objectContaining({ field: 'url', code: 'invalid_url' })]);
    await t.http.delete(`${api}/${created.id}`).set(owner.bearer).expect(204);
    await t.http.get(`${api}/${created.id}/deliveries`).set(owner.bearer).expect(404);
  });

  it('retries a delivery the receiver failed, signed each time, and logs the failed then delivered attempts', async () => {
    const tickets = await subscribe('/tickets', ['ticket.created', 'ticket.stage_changed']);
    const sales = await subscribe('/sales', ['sale.created']);
    receiver.failNext('/tickets', 500);

    const ticket = await createTicket(t, owner, { lead: { name: 'Lia', phone: uniquePhone() } });
    const [failed, retried] = await waitFor(
      () => receiver.at('/tickets'),
      (r) => r.length >= 2,
      'the retry',
    );
    for (const request of [failed, retried]) {
      expect(verifies(tickets.secret!, request)).toBe(true);
      expect(verifies(sales.secret!, request)).toBe(false);
      expect(request.headers['x-whatrack-event']).toBe('ticket.created');
      expect(request.headers['x-whatrack-signature']).toMatch(/^v1=[0-9a-f]{64}$/);
    }
    // The same delivery and event (a receiver drops duplicates by them), the same body.
    expect(retried.headers['x-whatrack-delivery']).toBe(failed.headers['x-whatrack-delivery']);
    expect(retried.raw).toBe(failed.raw);
    expect(retried.body).toEqual({
      id: expect.any(String),
      type: 'ticket.created',
      createdAt: expect.any(String),
      organizationId: owner.organizationId,
      data: expect.objectContaining({ ticketId: ticket.id, stageId: ticket.stage.id, status: 'open' }),
    });

    const log = await waitFor(
      () => deliveries(tickets.id),
      (page) => page.items[0]?.status === 'delivered',
      'the delivered status',
    );
    expect(log.items).toEqual([
      expect.objectContaining({
        id: failed.headers['x-whatrack-delivery'],
        eventId: retried.body.id,
        eventType: 'ticket.created',
        status: 'delivered',
        attempts: 2,
        lastStatusCode: 200,
        lastError: null,
        attemptLog: [
          expect.objectContaining({ statusCode: 500, error: 'HTTP 500: receiver says 500' }),
          expect.objectContaining({ statusCode: 200, error: null }),
        ],
      }),
    ]);

    // A sale.created subscription was queued nothing for the ticket; it gets the sale.
    expect((await deliveries(sales.id)).items).toEqual([]);
    const sale = (
      await t.http
        .post(`/api/v1/tickets/${ticket.id}/sales`)
        .set(owner.bearer)
        .send({ value: 149.9, soldAt: '2026-03-01T12:00:00Z' })
        .expect(201)
    ).body as { id: string };
    const [saleRequest] = await waitFor(
      () => receiver.at('/sales'),
      (r) => r.length >= 1,
      'the sale',
    );
    expect(verifies(sales.secret!, saleRequest)).toBe(true);
    expect(saleRequest.body).toMatchObject({
      type: 'sale.created',
      data: { saleId: sale.id, ticketId: ticket.id, value: 149.9 },
    });
    expect(receiver.at('/sales').map((r) => r.body.type)).toEqual(['sale.created']);

    // A stage move: ticket.stage_changed names both stages.
    const stages = await listStages(t, owner);
    const target = stages.find((s) => s.id !== ticket.stage.id && !s.isClosed)!;
    await t.http.patch(`/api/v1/tickets/${ticket.id}`).set(owner.bearer).send({ stageId: target.id }).expect(200);
    const moved = await waitFor(
      () => receiver.at('/tickets').filter((r) => r.body.type === 'ticket.stage_changed'),
      (r) => r.length >= 1,
      'the stage change',
    );
    expect(moved[0].body.data).toMatchObject({
      ticketId: ticket.id,
      previousStageId: ticket.stage.id,
      stageId: target.id,
    });

    const firstPage = await deliveries(tickets.id, '?limit=1');
    expect(firstPage.items.map((d) => d.eventType)).toEqual(['ticket.stage_changed']);
    expect(firstPage.nextCursor).toBe(firstPage.items[0].id);
    const secondPage = await deliveries(tickets.id, `?limit=1&before=${firstPage.nextCursor}`);
    expect(secondPage.items.map((d) => d.eventType)).toEqual(['ticket.created']);
    await t.http.get(`${api}/${tickets.id}/deliveries?limit=101`).set(owner.bearer).expect(400);
  });

  it('sends a test ping, signs with a rotated secret only, and gives up after the last attempt', async () => {
    const sub = await subscribe('/ping', ['sale.created']);
    const queued = (await t.http.post(`${api}/${sub.id}/test`).set(owner.bearer).expect(202)).body as Delivery;
    expect(queued).toMatchObject({ eventType: 'ping', status: 'pending' });
    const [ping] = await waitFor(
      () => receiver.at('/ping'),
      (r) => r.length >= 1,
      'the ping',
    );
    expect(ping.body).toMatchObject({ type: 'ping', data: { subscriptionId: sub.id } });
    expect(ping.headers['x-whatrack-delivery']).toBe(queued.id);
    expect(verifies(sub.secret!, ping)).toBe(true);

    const rotated = (await t.http.post(`${api}/${sub.id}/rotate-secret`).set(owner.bearer).expect(200))
      .body as Subscription;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(sub.secret);
    await t.http.post(`${api}/${sub.id}/test`).set(owner.bearer).expect(202);
    const [, second] = await waitFor(
      () => receiver.at('/ping'),
      (r) => r.length >= 2,
      'the second ping',
    );
    expect(verifies(rotated.secret!, second)).toBe(true);
    expect(verifies(sub.secret!, second)).toBe(false);

    receiver.alwaysFail.set('/ping', 503);
    const doomed = (await t.http.post(`${api}/${sub.id}/test`).set(owner.bearer).expect(202)).body as Delivery;
    const log = await waitFor(
      () => deliveries(sub.id),
      (page) => page.items.find((d) => d.id === doomed.id)?.status === 'failed',
      'the delivery to fail',
    );
    expect(log.items.find((d) => d.id === doomed.id)).toMatchObject({
      attempts: MAX_ATTEMPTS,
      lastStatusCode: 503,
      attemptLog: Array.from({ length: MAX_ATTEMPTS }, () => expect.objectContaining({ statusCode: 503 })),
    });
  });

  it('queues nothing for a paused subscription, cancels what it had pending, and resumes', async () => {
    const sub = await subscribe('/paused', ['ticket.created']);
    receiver.alwaysFail.set('/paused', 500);
    await createTicket(t, owner, { lead: { phone: uniquePhone() } });
    await waitFor(
      () => receiver.at('/paused'),
      (r) => r.length >= 1,
      'the first failure',
    );
    const paused = await t.http.patch(`${api}/${sub.id}`).set(owner.bearer).send({ active: false }).expect(200);
    expect(paused.body).toMatchObject({ active: false, events: ['ticket.created'] });
    expect((await deliveries(sub.id)).items).toEqual([
      expect.objectContaining({ status: 'canceled', lastError: 'subscription paused' }),
    ]);

    await createTicket(t, owner, { lead: { phone: uniquePhone() } });
    expect((await deliveries(sub.id)).items).toHaveLength(1);

    receiver.alwaysFail.delete('/paused');
    await t.http.patch(`${api}/${sub.id}`).set(owner.bearer).send({ active: true }).expect(200);
    await createTicket(t, owner, { lead: { phone: uniquePhone() } });
    const log = await waitFor(
      () => deliveries(sub.id),
      (page) => page.items[0]?.status === 'delivered',
      'the delivery after resuming',
    );
    expect(log.items.map((d) => d.status)).toEqual(['delivered', 'canceled']);
  });

  it('keeps subscriptions to their organization and to managers (and admin-scoped API keys)', async () => {
    const mine = await subscribe('/mine', ['sale.created']);
    const asOther = other.bearer;
    await t.http.get(`${api}/${mine.id}/deliveries`).set(asOther).expect(404);
    await t.http.post(`${api}/${mine.id}/test`).set(asOther).expect(404);
    await t.http.post(`${api}/${mine.id}/rotate-secret`).set(asOther).expect(404);
    await t.http.patch(`${api}/${mine.id}`).set(asOther).send({ active: false }).expect(404);
    await t.http.delete(`${api}/${mine.id}`).set(asOther).expect(404);
    expect((await t.http.get(api).set(asOther).expect(200)).body.items).toEqual([]);
    // The other organization's events never reach this organization's subscriptions.
    await createTicket(t, other, { lead: { phone: uniquePhone() } });
    expect((await deliveries(mine.id)).items).toEqual([]);

    const agent = await addUser(t, owner, 'agent');
    await t.http.get(api).set(agent.bearer).expect(403);
    const admin = await addUser(t, owner, 'admin');
    await t.http.get(api).set(admin.bearer).expect(200);
    const ticketsKey = await createApiKey(t, owner, 'CRM', ['tickets']);
    await t.http.get(api).set('X-API-Key', ticketsKey.key).expect(403);
    const adminKey = await createApiKey(t, owner, 'Integração', ['admin']);
    const listed = (await t.http.get(api).set('X-API-Key', adminKey.key).expect(200)).body.items as Subscription[];
    expect(listed.map((s) => s.id)).toContain(mine.id);
  });
});
