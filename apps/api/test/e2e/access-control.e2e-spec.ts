import type { Account } from '../support/fixtures';
import { addUser, createApiKey, createInstance, createTicket, registerAccount, uniquePhone } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

/** Who may do what: roles for users, scopes for API keys (chosen when a key is created). */
describe('roles and API key scopes', () => {
  let t: TestApp;
  let owner: Account;
  let agent: Account;
  let keys: Record<'read' | 'tickets' | 'admin', string>;
  let instanceId: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await registerAccount(t);
    agent = await addUser(t, owner, 'agent');
    instanceId = (await createInstance(t, owner)).id;
    keys = {
      read: (await createApiKey(t, owner, 'Leitura', ['read'])).key,
      tickets: (await createApiKey(t, owner, 'CRM')).key,
      admin: (await createApiKey(t, owner, 'Admin', ['admin'])).key,
    };
  });

  afterAll(async () => {
    await t.close();
  });

  const asKey = (scope: keyof typeof keys) => ({ 'X-API-Key': keys[scope] });
  const ticketBody = () => ({ lead: { name: 'Lia', phone: uniquePhone() }, instanceId });
  const newTicket = async () => createTicket(t, owner, ticketBody());
  const sale = async (ticketId: string) =>
    (
      await t.http
        .post(`/api/v1/tickets/${ticketId}/sales`)
        .set(owner.bearer)
        .send({ value: 10, soldAt: '2026-03-01T12:00:00Z' })
        .expect(201)
    ).body as { id: string };
  const adSpend = { rows: [{ date: '2026-03-01', platform: 'google_ads', campaign: 'c', spend: 1 }] };

  it('lists each key with its scopes; a key created without scopes gets tickets; unknown scopes are a 400', async () => {
    const list = (await t.http.get('/api/v1/api-keys').set(owner.bearer).expect(200)).body.items as {
      name: string;
      scopes: string[];
    }[];
    expect(Object.fromEntries(list.map((k) => [k.name, k.scopes]))).toEqual({
      Leitura: ['read'],
      CRM: ['tickets'],
      Admin: ['admin'],
    });
    for (const scopes of [['root'], [], 'admin', ['read', 'read']]) {
      const res = await t.http.post('/api/v1/api-keys').set(owner.bearer).send({ name: 'x', scopes }).expect(400);
      expect(res.body.details[0]).toMatchObject({ field: 'scopes' });
    }
  });

  it('read keys read and write nothing', async () => {
    await t.http.get('/api/v1/tickets').set(asKey('read')).expect(200);
    const res = await t.http.post('/api/v1/tickets').set(asKey('read')).send(ticketBody()).expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, code: 'insufficient_scope' });
  });

  it('tickets keys work tickets and sales but configure nothing', async () => {
    const ticket = (await t.http.post('/api/v1/tickets').set(asKey('tickets')).send(ticketBody()).expect(201)).body;
    await t.http
      .post(`/api/v1/tickets/${ticket.id}/sales`)
      .set(asKey('tickets'))
      .send({ value: 5, soldAt: '2026-03-01T12:00:00Z' })
      .expect(201);
    const { id: saleId } = await sale(ticket.id);
    await t.http.delete(`/api/v1/sales/${saleId}`).set(asKey('tickets')).expect(403);
    await t.http.post('/api/v1/stages').set(asKey('tickets')).send({ name: 'Nova', color: '#112233' }).expect(403);
    await t.http.post('/api/v1/ad-spend').set(asKey('tickets')).send(adSpend).expect(403);
  });

  it('admin keys configure, but no key manages users or API keys', async () => {
    await t.http.post('/api/v1/stages').set(asKey('admin')).send({ name: 'Proposta', color: '#112233' }).expect(201);
    await t.http.post('/api/v1/ad-spend').set(asKey('admin')).send(adSpend).expect(200);
    const { id: saleId } = await sale((await newTicket()).id);
    await t.http.delete(`/api/v1/sales/${saleId}`).set(asKey('admin')).expect(204);
    await t.http.post('/api/v1/api-keys').set(asKey('admin')).send({ name: 'x' }).expect(403);
    await t.http
      .post('/api/v1/users')
      .set(asKey('admin'))
      .send({ name: 'x', email: 'x@example.com', password: '12345678' })
      .expect(403);
  });

  it('agents work tickets and record sales, but leave the board, the spend and deletions to managers', async () => {
    const ticket = await createTicket(t, agent, ticketBody());
    await t.http
      .post(`/api/v1/tickets/${ticket.id}/sales`)
      .set(agent.bearer)
      .send({ value: 5, soldAt: '2026-03-01T12:00:00Z' })
      .expect(201);
    const { id: saleId } = await sale(ticket.id);
    const stages = (await t.http.get('/api/v1/stages').set(agent.bearer).expect(200)).body.items as { id: string }[];
    const refused = [
      t.http.delete(`/api/v1/sales/${saleId}`).set(agent.bearer),
      t.http.post('/api/v1/stages').set(agent.bearer).send({ name: 'Z', color: '#112233' }),
      t.http.patch(`/api/v1/stages/${stages[0].id}`).set(agent.bearer).send({ name: 'Renomeado' }),
      t.http
        .put('/api/v1/stages/order')
        .set(agent.bearer)
        .send({ ids: stages.map((s) => s.id).reverse() }),
      t.http.delete(`/api/v1/stages/${stages[2].id}`).set(agent.bearer),
      t.http.post('/api/v1/ad-spend').set(agent.bearer).send(adSpend),
      t.http.post('/api/v1/tracking-links').set(agent.bearer).send({ instanceId, name: 'Link', message: 'Oi' }),
    ];
    for (const res of await Promise.all(refused)) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'forbidden' });
    }
    await t.http.delete(`/api/v1/sales/${saleId}`).set(owner.bearer).expect(204);
  });

  it('states every operation’s access in the OpenAPI document, from the rules the server enforces', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const op = (path: string, method: string) => doc.paths[path][method];
    expect(op('/api/v1/stages', 'post')).toMatchObject({
      'x-roles': ['owner', 'admin'],
      'x-api-key-scope': 'admin',
      description: expect.stringContaining('**Access:** users with role owner or admin; API keys with scope admin.'),
    });
    expect(op('/api/v1/tickets', 'get')['x-api-key-scope']).toBe('read');
    expect(op('/api/v1/tickets', 'post')['x-api-key-scope']).toBe('tickets');
    expect(op('/api/v1/api-keys', 'post')['x-api-key-scope']).toBe('none');
    expect(op('/api/v1/stages', 'post').responses['403']).toBeDefined();
  });
});
