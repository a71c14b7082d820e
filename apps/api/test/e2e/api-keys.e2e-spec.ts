import { createTestApp, type TestApp } from '../support/test-app';
import { addUser, createApiKey, registerAccount } from '../support/fixtures';

describe('API keys', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('creates a key shown once, stores only its sha256, and lists it without the secret', async () => {
    const owner = await registerAccount(t);
    const created = await createApiKey(t, owner, 'Site');
    expect(created.key).toMatch(/^wtk_[0-9a-f]{6}_[A-Za-z0-9_-]{32}$/);

    const [row] = await t.dataSource.query('SELECT key_hash, prefix FROM api_keys WHERE id = $1', [created.id]);
    const { createHash } = await import('node:crypto');
    expect(row.key_hash).toBe(createHash('sha256').update(created.key).digest('hex'));
    expect(created.key.startsWith(row.prefix)).toBe(true);

    const list = await t.http.get('/api/v1/api-keys').set(owner.bearer).expect(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: created.id, name: 'Site', revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(created.key);
  });

  it('authenticates with X-API-Key as the organization, and records last use', async () => {
    const owner = await registerAccount(t, 'Loja API');
    const { id, key } = await createApiKey(t, owner);
    const me = await t.http.get('/api/v1/auth/me').set('X-API-Key', key).expect(200);
    expect(me.body).toMatchObject({ principal: 'api_key', user: null, organization: { id: owner.organizationId } });
    const stages = await t.http.get('/api/v1/stages').set('X-API-Key', key).expect(200);
    expect(stages.body.items).toHaveLength(3);
    const [row] = await t.dataSource.query('SELECT last_used_at FROM api_keys WHERE id = $1', [id]);
    expect(row.last_used_at).not.toBeNull();
  });

  it('rejects unknown keys and revoked keys', async () => {
    const owner = await registerAccount(t);
    const { id, key } = await createApiKey(t, owner);
    await t.http.get('/api/v1/stages').set('X-API-Key', `${key}x`).expect(401);
    await t.http.delete(`/api/v1/api-keys/${id}`).set(owner.bearer).expect(204);
    await t.http.get('/api/v1/stages').set('X-API-Key', key).expect(401);
    const list = await t.http.get('/api/v1/api-keys').set(owner.bearer).expect(200);
    expect(list.body.items[0].revokedAt).not.toBeNull();
  });

  it('keeps agents and API keys away from key management', async () => {
    const owner = await registerAccount(t);
    const agent = await addUser(t, owner, 'agent');
    const { key } = await createApiKey(t, owner);
    await t.http.get('/api/v1/api-keys').set(agent.bearer).expect(403);
    await t.http.post('/api/v1/api-keys').set(agent.bearer).send({ name: 'x' }).expect(403);
    const res = await t.http.post('/api/v1/api-keys').set('X-API-Key', key).send({ name: 'x' }).expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    await t.http
      .post('/api/v1/users')
      .set('X-API-Key', key)
      .send({ name: 'x', email: 'x@x.com', password: '12345678' })
      .expect(403);
  });
});
