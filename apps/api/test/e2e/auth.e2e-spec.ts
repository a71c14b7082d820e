import { createTestApp, type TestApp } from '../support/test-app';
import { addUser, registerAccount, uniqueEmail } from '../support/fixtures';

describe('auth', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('registers an organization with its owner and default stages', async () => {
    const email = uniqueEmail();
    const res = await t.http
      .post('/api/v1/auth/register')
      .send({
        organizationName: 'Loja da Maria',
        name: 'Maria',
        email: email.toUpperCase(),
        password: 'senha-forte-123',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      accessToken: expect.any(String),
      user: { name: 'Maria', email, role: 'owner' },
      organization: { name: 'Loja da Maria', timezone: 'America/Sao_Paulo', currency: 'BRL' },
    });
    expect(res.body.user).not.toHaveProperty('passwordHash');

    const stages = await t.http
      .get('/api/v1/stages')
      .set('Authorization', `Bearer ${res.body.accessToken}`)
      .expect(200);
    expect(
      stages.body.items.map((s: { name: string; color: string; isClosed: boolean; order: number }) => [
        s.name,
        s.color,
        s.isClosed,
        s.order,
      ]),
    ).toEqual([
      ['Novo', '#3b82f6', false, 0],
      ['Em Andamento', '#f59e0b', false, 1],
      ['Fechado', '#10b981', true, 2],
    ]);
  });

  it('stores a hashed password (argon2), never the password', async () => {
    const account = await registerAccount(t);
    const [row] = await t.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [account.userId]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(account.password);
  });

  it('refuses a second registration with the same email (case-insensitive)', async () => {
    const account = await registerAccount(t);
    const res = await t.http
      .post('/api/v1/auth/register')
      .send({ organizationName: 'Outra', name: 'X', email: account.email.toUpperCase(), password: 'senha-forte-123' })
      .expect(409);
    expect(res.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'email_unavailable',
      message: expect.stringContaining('cannot be used'),
    });
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM organizations WHERE name = 'Outra'`,
    );
    expect(count).toBe(0);
  });

  it('validates the registration body, naming each field', async () => {
    const res = await t.http
      .post('/api/v1/auth/register')
      .send({ organizationName: '', name: 'X', email: 'not-an-email', password: 'short' })
      .expect(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['organizationName', 'email', 'password']));
    expect(res.body.message).toContain('password must have at least 8 characters');
  });

  it('logs in and answers /me', async () => {
    const account = await registerAccount(t, 'Loja Login');
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email: account.email, password: account.password })
      .expect(200);
    const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({
      principal: 'user',
      user: { id: account.userId, email: account.email, role: 'owner' },
      organization: { id: account.organizationId, name: 'Loja Login' },
    });
  });

  it('answers the same 401 for a wrong password and an unknown email', async () => {
    const account = await registerAccount(t);
    const wrong = await t.http
      .post('/api/v1/auth/login')
      .send({ email: account.email, password: 'errada-123' })
      .expect(401);
    const unknown = await t.http
      .post('/api/v1/auth/login')
      .send({ email: uniqueEmail(), password: 'errada-123' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'invalid_credentials',
      message: 'Invalid email or password',
    });
  });

  it('denies by default: no token, a bad token and a forged token are 401', async () => {
    await t.http.get('/api/v1/auth/me').expect(401);
    await t.http.get('/api/v1/stages').set('Authorization', 'Bearer not-a-jwt').expect(401);
    const account = await registerAccount(t);
    const [header, payload] = account.token.split('.');
    await t.http.get('/api/v1/stages').set('Authorization', `Bearer ${header}.${payload}.forgedsignature`).expect(401);
  });

  it('lets owners add agents, who can sign in but not manage users', async () => {
    const owner = await registerAccount(t);
    const agent = await addUser(t, owner, 'agent');
    const me = await t.http.get('/api/v1/auth/me').set(agent.bearer).expect(200);
    expect(me.body.user.role).toBe('agent');
    await t.http
      .post('/api/v1/users')
      .set(agent.bearer)
      .send({ name: 'Outro', email: uniqueEmail(), password: 'senha-forte-123' })
      .expect(403);
    const list = await t.http.get('/api/v1/users').set(agent.bearer).expect(200);
    expect(list.body.items.map((u: { id: string }) => u.id).sort()).toEqual([owner.userId, agent.userId].sort());
  });

  it('lets admins manage users too', async () => {
    const owner = await registerAccount(t);
    const admin = await addUser(t, owner, 'admin');
    await t.http
      .post('/api/v1/users')
      .set(admin.bearer)
      .send({ name: 'Agente 2', email: uniqueEmail(), password: 'senha-forte-123' })
      .expect(201);
  });

  it('serves health publicly', async () => {
    await expect(t.http.get('/api/v1/health').expect(200)).resolves.toMatchObject({
      body: { status: 'ok', database: 'up' },
    });
  });
});
