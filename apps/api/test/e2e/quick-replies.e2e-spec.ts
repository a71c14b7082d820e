import type { Account } from '../support/fixtures';
import { addUser, createApiKey, registerAccount } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

interface QuickReply {
  id: string;
  shortcut: string;
  title: string;
  text: string;
  createdAt: string;
  updatedAt: string;
}

const PATH = '/api/v1/quick-replies';

describe('quick replies', () => {
  let t: TestApp;
  let owner: Account;
  let agent: Account;
  let other: Account;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await registerAccount(t);
    agent = await addUser(t, owner, 'agent');
    other = await registerAccount(t, 'Outra Loja');
  });

  afterAll(async () => {
    await t.close();
  });

  const list = async (account: Account): Promise<QuickReply[]> =>
    (await t.http.get(PATH).set(account.bearer).expect(200)).body.items as QuickReply[];
  const create = async (body: object): Promise<QuickReply> =>
    (await t.http.post(PATH).set(owner.bearer).send(body).expect(201)).body as QuickReply;

  it('creates, lists by shortcut, updates and deletes, normalizing the shortcut', async () => {
    const price = await create({
      shortcut: ' /Preço ',
      title: ' Tabela de preços ',
      text: 'Olá {{lead.firstName}}! Sou {{ agent.firstName }}, da {{organization.name}}.',
    });
    expect(price).toMatchObject({
      shortcut: 'preco',
      title: 'Tabela de preços',
      text: 'Olá {{lead.firstName}}! Sou {{ agent.firstName }}, da {{organization.name}}.',
    });
    const address = await create({ shortcut: 'endereco', title: 'Endereço', text: 'Rua A, 10' });
    expect((await list(owner)).map((q) => q.shortcut)).toEqual(['endereco', 'preco']);

    const renamed = await t.http
      .patch(`${PATH}/${price.id}`)
      .set(owner.bearer)
      .send({ shortcut: 'precos', text: 'Preços: {{lead.name}}' })
      .expect(200);
    expect(renamed.body).toMatchObject({ id: price.id, shortcut: 'precos', title: 'Tabela de preços' });
    expect(renamed.body.text).toBe('Preços: {{lead.name}}');

    await t.http.delete(`${PATH}/${address.id}`).set(owner.bearer).expect(204);
    await t.http.delete(`${PATH}/${address.id}`).set(owner.bearer).expect(404);
    expect((await list(owner)).map((q) => q.shortcut)).toEqual(['precos']);
  });

  it('refuses a shortcut another quick reply has (409 naming shortcut), on create and on update', async () => {
    const first = await create({ shortcut: 'oi', title: 'Saudação', text: 'Oi!' });
    const second = await create({ shortcut: 'tchau', title: 'Despedida', text: 'Até logo!' });
    const dup = await t.http.post(PATH).set(owner.bearer).send({ shortcut: '/OI', title: 'x', text: 'y' }).expect(409);
    expect(dup.body).toMatchObject({ statusCode: 409, code: 'quick_reply_shortcut_taken' });
    expect(dup.body.details).toEqual([expect.objectContaining({ field: 'shortcut', code: 'already_exists' })]);
    const moved = await t.http.patch(`${PATH}/${second.id}`).set(owner.bearer).send({ shortcut: 'oi' }).expect(409);
    expect(moved.body.code).toBe('quick_reply_shortcut_taken');
    // Its own shortcut is not a conflict.
    await t.http.patch(`${PATH}/${first.id}`).set(owner.bearer).send({ shortcut: '/oi', title: 'Olá' }).expect(200);
    // Another organization may use the same shortcut.
    await t.http.post(PATH).set(other.bearer).send({ shortcut: 'oi', title: 'Oi', text: 'Oi!' }).expect(201);
  });

  it('refuses unknown variables with 400 naming text and the variable', async () => {
    const res = await t.http
      .post(PATH)
      .set(owner.bearer)
      .send({ shortcut: 'pedido', title: 'Pedido', text: 'Olá {{lead.firstName}}, pedido {{ticket.number}}' })
      .expect(400);
    expect(res.body.code).toBe('invalid_input');
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'text', code: 'unknown_variable' })]);
    expect(res.body.details[0].message).toContain('{{ticket.number}}');

    const saved = await create({ shortcut: 'pix', title: 'Pix', text: 'Chave pix: loja@example.com' });
    const patch = await t.http
      .patch(`${PATH}/${saved.id}`)
      .set(owner.bearer)
      .send({ text: '{{lead.nome}}' })
      .expect(400);
    expect(patch.body.details[0]).toMatchObject({ field: 'text', code: 'unknown_variable' });
    expect(patch.body.details[0].message).toContain('{{lead.nome}}');
  });

  it('validates each field by name', async () => {
    const cases: [object, string][] = [
      [{ shortcut: 'tem espaço', title: 't', text: 'x' }, 'shortcut'],
      [{ shortcut: '/', title: 't', text: 'x' }, 'shortcut'],
      [{ shortcut: 'a'.repeat(33), title: 't', text: 'x' }, 'shortcut'],
      [{ shortcut: 'ok', title: '   ', text: 'x' }, 'title'],
      [{ shortcut: 'ok', title: 't', text: '' }, 'text'],
      [{ shortcut: 'ok', title: 't', text: 'x'.repeat(4097) }, 'text'],
    ];
    for (const [body, field] of cases) {
      const res = await t.http.post(PATH).set(owner.bearer).send(body).expect(400);
      const fields = (res.body.details as { field: string }[]).map((detail) => detail.field);
      expect(new Set(fields)).toEqual(new Set([field]));
    }
    const saved = await create({ shortcut: 'nulo', title: 'Nulo', text: 'x' });
    const res = await t.http.patch(`${PATH}/${saved.id}`).set(owner.bearer).send({ title: null }).expect(400);
    expect(res.body.details).toContainEqual(expect.objectContaining({ field: 'title', code: 'is_string' }));
  });

  it('lets agents and read keys list, and only owners, admins and admin keys write', async () => {
    const saved = await create({ shortcut: 'horario', title: 'Horário', text: 'Das 9h às 18h' });
    expect((await list(agent)).map((q) => q.id)).toContain(saved.id);

    const denied = await t.http.post(PATH).set(agent.bearer).send({ shortcut: 'x', title: 'x', text: 'x' }).expect(403);
    expect(denied.body).toMatchObject({ statusCode: 403, code: 'forbidden' });
    await t.http.patch(`${PATH}/${saved.id}`).set(agent.bearer).send({ title: 'x' }).expect(403);
    await t.http.delete(`${PATH}/${saved.id}`).set(agent.bearer).expect(403);

    const admin = await addUser(t, owner, 'admin');
    await t.http.patch(`${PATH}/${saved.id}`).set(admin.bearer).send({ title: 'Horário de atendimento' }).expect(200);

    const read = { 'X-API-Key': (await createApiKey(t, owner, 'Leitura', ['read'])).key };
    const tickets = { 'X-API-Key': (await createApiKey(t, owner, 'CRM', ['tickets'])).key };
    const adminKey = { 'X-API-Key': (await createApiKey(t, owner, 'Admin', ['admin'])).key };
    const items = (await t.http.get(PATH).set(read).expect(200)).body.items as QuickReply[];
    expect(items.map((q) => q.id)).toContain(saved.id);
    const scoped = await t.http.post(PATH).set(tickets).send({ shortcut: 'k', title: 'k', text: 'k' }).expect(403);
    expect(scoped.body.code).toBe('insufficient_scope');
    await t.http.post(PATH).set(adminKey).send({ shortcut: 'chave', title: 'Chave', text: 'k' }).expect(201);
  });

  it('refuses a quick reply past 500 in an organization (422), so the list the composer loads stays small', async () => {
    const full = await registerAccount(t, 'Loja Cheia');
    await t.dataSource.query(
      `INSERT INTO quick_replies (organization_id, shortcut, title, text)
       SELECT $1, 'atalho-' || g, 'Título', 'Texto' FROM generate_series(1, 500) AS g`,
      [full.organizationId],
    );
    const res = await t.http.post(PATH).set(full.bearer).send({ shortcut: 'mais', title: 't', text: 'x' }).expect(422);
    expect(res.body.code).toBe('quick_reply_limit_reached');
    expect(await list(full)).toHaveLength(500);
  });

  it("keeps each organization's quick replies to itself", async () => {
    const saved = await create({ shortcut: 'segredo', title: 'Só nossa', text: 'Interno' });
    expect((await list(other)).map((q) => q.id)).not.toContain(saved.id);
    const patch = await t.http.patch(`${PATH}/${saved.id}`).set(other.bearer).send({ title: 'Roubada' }).expect(404);
    expect(patch.body.code).toBe('not_found');
    await t.http.delete(`${PATH}/${saved.id}`).set(other.bearer).expect(404);
    const mine = (await list(owner)).find((q) => q.id === saved.id);
    expect(mine).toMatchObject({ title: 'Só nossa' });
  });
});
