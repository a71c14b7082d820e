import { createHash } from 'node:crypto';
import { Clock } from '../../src/common/clock/clock';
import {
  type Account,
  addUser,
  createApiKey,
  createInstance,
  createTicket,
  registerAccount,
} from '../support/fixtures';
import { SmtpCatcher } from '../support/smtp-catcher';
import { createTestApp, type TestApp } from '../support/test-app';

const PUBLIC_URL = 'https://app.loja-teste.com.br';

describe('Team management', () => {
  let t: TestApp;
  const smtp = new SmtpCatcher();

  beforeAll(async () => {
    await smtp.start();
    t = await createTestApp({
      PUBLIC_URL,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'WhaTrack <no-reply@loja-teste.com.br>',
    });
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const patchUser = (caller: Account, id: string, body: Record<string, unknown>) =>
    t.http.patch(`/api/v1/users/${id}`).set(caller.bearer).send(body);

  async function activeOwners(organizationId: string): Promise<number> {
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM users WHERE organization_id = $1 AND role = 'owner' AND active`,
      [organizationId],
    );
    return (row as { n: number }).n;
  }

  it('changes roles: admins manage agents and admins, only owners grant or revoke owner', async () => {
    const owner = await registerAccount(t);
    const admin = await addUser(t, owner, 'admin');
    const agent = await addUser(t, owner, 'agent');

    const promoted = await patchUser(admin, agent.userId, { role: 'admin' }).expect(200);
    expect(promoted.body).toMatchObject({ id: agent.userId, role: 'admin', active: true });
    expect((await t.http.get('/api/v1/auth/me').set(agent.bearer).expect(200)).body.user.role).toBe('admin');

    const grant = await patchUser(admin, agent.userId, { role: 'owner' }).expect(403);
    expect(grant.body.code).toBe('owner_required');
    expect((await patchUser(admin, owner.userId, { active: false }).expect(403)).body.code).toBe('owner_required');
    await patchUser(agent, admin.userId, { role: 'agent' }).expect(200);
    expect((await patchUser(admin, owner.userId, { role: 'agent' }).expect(403)).body.code).toBe('forbidden');

    await patchUser(owner, agent.userId, { role: 'owner' }).expect(200);
    await patchUser(owner, agent.userId, { role: 'agent' }).expect(200);
    const invalid = await patchUser(owner, agent.userId, { role: 'boss', active: 'no' }).expect(400);
    expect(invalid.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['active', 'role']);
  });

  it('keeps the last active owner, even against two concurrent demotions', async () => {
    const owner = await registerAccount(t);
    expect((await patchUser(owner, owner.userId, { role: 'admin' }).expect(422)).body.code).toBe('last_owner');
    expect((await patchUser(owner, owner.userId, { active: false }).expect(422)).body.code).toBe(
      'cannot_deactivate_self',
    );

    const second = await addUser(t, owner, 'admin');
    await patchUser(owner, second.userId, { role: 'owner' }).expect(200);
    expect(await activeOwners(owner.organizationId)).toBe(2);
    const answers = await Promise.all([
      patchUser(owner, second.userId, { role: 'admin' }),
      patchUser(second, owner.userId, { role: 'admin' }),
    ]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses[0]).toBe(200);
    expect([403, 422]).toContain(statuses[1]);
    const refused = answers.find((a) => a.status !== 200)!;
    expect(['last_owner', 'owner_required']).toContain(refused.body.code);
    expect(await activeOwners(owner.organizationId)).toBe(1);
  });

  it('deactivating refuses the user, their open sessions and their API keys at once; reactivating restores them', async () => {
    const owner = await registerAccount(t);
    const admin = await addUser(t, owner, 'admin');
    const { key } = await createApiKey(t, admin, 'Integração do admin');
    await t.http.get('/api/v1/stages').set('X-API-Key', key).expect(200);

    const off = await patchUser(owner, admin.userId, { active: false }).expect(200);
    expect(off.body.active).toBe(false);
    const session = await t.http.get('/api/v1/auth/me').set(admin.bearer).expect(401);
    expect(session.body.code).toBe('user_deactivated');
    const byKey = await t.http.get('/api/v1/stages').set('X-API-Key', key).expect(401);
    expect(byKey.body.code).toBe('api_key_creator_deactivated');
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email: admin.email, password: admin.password })
      .expect(401);
    expect(login.body.code).toBe('user_deactivated');
    const wrong = await t.http.post('/api/v1/auth/login').send({ email: admin.email, password: 'x' }).expect(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    const list = await t.http.get('/api/v1/users').set(owner.bearer).expect(200);
    expect(list.body.items.find((u: { id: string }) => u.id === admin.userId)).toMatchObject({ active: false });
    // No ticket goes to a deactivated member, on creation or by a later assignment.
    await createInstance(t, owner);
    const ticket = await createTicket(t, owner, { lead: { phone: '+55 11 96000-0101' } });
    const assigned = await t.http
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(owner.bearer)
      .send({ assigneeId: admin.userId })
      .expect(422);
    expect(assigned.body.code).toBe('user_inactive');
    const created = await t.http
      .post('/api/v1/tickets')
      .set(owner.bearer)
      .send({ lead: { phone: '+55 11 96000-0102' }, ticket: { assigneeId: admin.userId } })
      .expect(422);
    expect(created.body.code).toBe('user_inactive');

    await patchUser(owner, admin.userId, { active: true }).expect(200);
    await t.http.get('/api/v1/auth/me').set(admin.bearer).expect(200);
    await t.http.get('/api/v1/stages').set('X-API-Key', key).expect(200);
    await t.http.post('/api/v1/auth/login').send({ email: admin.email, password: admin.password }).expect(200);
  });

  it('changing your own password needs the current one and ends your other sessions', async () => {
    const owner = await registerAccount(t);
    const agent = await addUser(t, owner, 'agent');
    const otherLogin = await t.http
      .post('/api/v1/auth/login')
      .send({ email: agent.email, password: agent.password })
      .expect(200);
    const otherSession = { Authorization: `Bearer ${otherLogin.body.accessToken as string}` };

    const wrong = await t.http
      .post('/api/v1/auth/password')
      .set(agent.bearer)
      .send({ currentPassword: 'not-it-at-all', newPassword: 'nova-senha-forte-1' })
      .expect(400);
    expect(wrong.body).toMatchObject({ details: [{ field: 'currentPassword', code: 'wrong_password' }] });
    await t.http
      .post('/api/v1/auth/password')
      .set(agent.bearer)
      .send({ currentPassword: agent.password, newPassword: 'short' })
      .expect(400);

    const changed = await t.http
      .post('/api/v1/auth/password')
      .set(agent.bearer)
      .send({ currentPassword: agent.password, newPassword: 'nova-senha-forte-1' })
      .expect(200);
    const fresh = { Authorization: `Bearer ${changed.body.accessToken as string}` };
    await t.http.get('/api/v1/auth/me').set(fresh).expect(200);
    expect((await t.http.get('/api/v1/auth/me').set(otherSession).expect(401)).body.code).toBe('session_revoked');
    expect((await t.http.get('/api/v1/auth/me').set(agent.bearer).expect(401)).body.code).toBe('session_revoked');
    await t.http.post('/api/v1/auth/login').send({ email: agent.email, password: agent.password }).expect(401);
    await t.http.post('/api/v1/auth/login').send({ email: agent.email, password: 'nova-senha-forte-1' }).expect(200);

    const { key } = await createApiKey(t, owner);
    await t.http
      .post('/api/v1/auth/password')
      .set('X-API-Key', key)
      .send({ currentPassword: 'x', newPassword: 'nova-senha-forte-1' })
      .expect(403);
  });

  it('a reset link is e-mailed, stored as a hash, works once and ends the sessions of its user', async () => {
    const owner = await registerAccount(t);
    const agent = await addUser(t, owner, 'agent');
    const sent = smtp.messages.length;

    const res = await t.http
      .post('/api/v1/auth/password-reset')
      .set(owner.bearer)
      .send({ userId: agent.userId })
      .expect(201);
    const { url, emailed, expiresAt } = res.body as { url: string; emailed: boolean; expiresAt: string };
    expect(emailed).toBe(true);
    expect(url).toMatch(new RegExp(`^${PUBLIC_URL.replace(/\./g, '\\.')}/redefinir-senha\\?token=[A-Za-z0-9_-]{43}$`));
    const token = new URL(url).searchParams.get('token')!;
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(59 * 60_000);

    expect(smtp.messages).toHaveLength(sent + 1);
    const mail = smtp.messages[sent];
    expect(mail.to).toEqual([agent.email]);
    expect(mail.from).toBe('no-reply@loja-teste.com.br');
    expect(mail.text).toContain(url);

    const rows = await t.dataSource.query('SELECT token_hash FROM password_reset_tokens WHERE user_id = $1', [
      agent.userId,
    ]);
    expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);

    const confirm = (body: Record<string, unknown>) => t.http.post('/api/v1/auth/password-reset/confirm').send(body);
    await confirm({ token, password: 'short' }).expect(400);
    expect((await confirm({ token: 'nope', password: 'senha-nova-de-reset' }).expect(400)).body.code).toBe(
      'reset_token_invalid',
    );
    await confirm({ token, password: 'senha-nova-de-reset' }).expect(204);
    expect((await confirm({ token, password: 'outra-senha-qualquer' }).expect(400)).body).toMatchObject({
      code: 'reset_token_used',
      details: [{ field: 'token', code: 'reset_token_used' }],
    });
    expect((await t.http.get('/api/v1/auth/me').set(agent.bearer).expect(401)).body.code).toBe('session_revoked');
    await t.http.post('/api/v1/auth/login').send({ email: agent.email, password: agent.password }).expect(401);
    await t.http.post('/api/v1/auth/login').send({ email: agent.email, password: 'senha-nova-de-reset' }).expect(200);
  });

  it('a reset link expires after an hour, and a newer link retires the older one', async () => {
    const owner = await registerAccount(t);
    const agent = await addUser(t, owner, 'agent');
    const generate = async () => {
      const res = await t.http
        .post('/api/v1/auth/password-reset')
        .set(owner.bearer)
        .send({ userId: agent.userId })
        .expect(201);
      return new URL((res.body as { url: string }).url).searchParams.get('token')!;
    };
    const confirm = (token: string) =>
      t.http.post('/api/v1/auth/password-reset/confirm').send({ token, password: 'senha-nova-de-reset' });

    const first = await generate();
    const second = await generate();
    expect((await confirm(first).expect(400)).body.code).toBe('reset_token_used');

    const clock = t.app.get(Clock);
    clock.freeze(new Date(Date.now() + 61 * 60_000));
    try {
      expect((await confirm(second).expect(400)).body.code).toBe('reset_token_expired');
    } finally {
      clock.freeze(null);
    }
  });

  it('only managers generate links, only owners for owners, and never across organizations', async () => {
    const owner = await registerAccount(t);
    const admin = await addUser(t, owner, 'admin');
    const agent = await addUser(t, owner, 'agent');
    const reset = (caller: Account, userId: string) =>
      t.http.post('/api/v1/auth/password-reset').set(caller.bearer).send({ userId });

    await reset(agent, admin.userId).expect(403);
    expect((await reset(admin, owner.userId).expect(403)).body.code).toBe('owner_required');
    await reset(admin, agent.userId).expect(201);

    const other = await registerAccount(t, 'Outra Loja');
    const otherAdmin = await addUser(t, other, 'admin');
    await reset(otherAdmin, agent.userId).expect(404);
    await patchUser(otherAdmin, agent.userId, { active: false }).expect(404);
    await patchUser(other, agent.userId, { role: 'admin' }).expect(404);
    await t.http.get('/api/v1/auth/me').set(agent.bearer).expect(200);
  });
});
