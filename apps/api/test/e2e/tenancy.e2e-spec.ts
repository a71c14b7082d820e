import { createTestApp, type TestApp } from '../support/test-app';
import { addUser, createApiKey, registerAccount, type Account } from '../support/fixtures';

/** Another organization's ids answer exactly like missing ones: 404, and nothing changes. */
describe('tenancy', () => {
  let t: TestApp;
  let a: Account;
  let b: Account;

  beforeAll(async () => {
    t = await createTestApp();
    a = await registerAccount(t, 'Org A');
    b = await registerAccount(t, 'Org B');
  });

  afterAll(async () => {
    await t.close();
  });

  it("cannot read another organization's users", async () => {
    const agentB = await addUser(t, b, 'agent');
    const foreign = await t.http.get(`/api/v1/users/${agentB.userId}`).set(a.bearer).expect(404);
    const missing = await t.http.get('/api/v1/users/00000000-0000-4000-8000-000000000000').set(a.bearer).expect(404);
    expect(foreign.body.statusCode).toBe(missing.body.statusCode);
    const list = await t.http.get('/api/v1/users').set(a.bearer).expect(200);
    expect(list.body.items.map((u: { id: string }) => u.id)).toEqual([a.userId]);
  });

  it("cannot list or revoke another organization's API keys", async () => {
    const keyB = await createApiKey(t, b);
    const listA = await t.http.get('/api/v1/api-keys').set(a.bearer).expect(200);
    expect(listA.body.items.map((k: { id: string }) => k.id)).not.toContain(keyB.id);
    await t.http.delete(`/api/v1/api-keys/${keyB.id}`).set(a.bearer).expect(404);
    await t.http.get('/api/v1/stages').set('X-API-Key', keyB.key).expect(200);
  });

  it("cannot read, change, reorder or delete another organization's stages", async () => {
    const stagesB = (await t.http.get('/api/v1/stages').set(b.bearer).expect(200)).body.items as {
      id: string;
      name: string;
    }[];
    const target = stagesB[0];
    await t.http.get(`/api/v1/stages/${target.id}`).set(a.bearer).expect(404);
    await t.http.patch(`/api/v1/stages/${target.id}`).set(a.bearer).send({ name: 'Hacked' }).expect(404);
    await t.http.delete(`/api/v1/stages/${target.id}`).set(a.bearer).expect(404);
    await t.http
      .put('/api/v1/stages/order')
      .set(a.bearer)
      .send({ ids: stagesB.map((s) => s.id) })
      .expect(400);
    const after = (await t.http.get('/api/v1/stages').set(b.bearer).expect(200)).body.items as {
      id: string;
      name: string;
    }[];
    expect(after).toEqual(stagesB);
  });

  it('sees only its own stages and organization', async () => {
    const stagesA = (await t.http.get('/api/v1/stages').set(a.bearer).expect(200)).body.items as { id: string }[];
    const stagesB = (await t.http.get('/api/v1/stages').set(b.bearer).expect(200)).body.items as { id: string }[];
    expect(stagesA.map((s) => s.id)).not.toEqual(expect.arrayContaining([stagesB[0].id]));
    const org = await t.http.get('/api/v1/organizations/current').set(a.bearer).expect(200);
    expect(org.body.id).toBe(a.organizationId);
  });

  it('rejects a row pointing at another organization at the database level (composite foreign keys)', async () => {
    const stagesB = (await t.http.get('/api/v1/stages').set(b.bearer).expect(200)).body.items as { id: string }[];
    await expect(
      t.dataSource.transaction(async (m) => {
        const [lead] = await m.query(
          `INSERT INTO leads (organization_id, phone) VALUES ($1, '+5511999990000') RETURNING id`,
          [a.organizationId],
        );
        const [instance] = await m.query(
          `INSERT INTO whatsapp_instances (organization_id, name, phone_number, provider) VALUES ($1, 'i', '+5511888880000', 'cloud_api') RETURNING id`,
          [a.organizationId],
        );
        const [conv] = await m.query(
          `INSERT INTO whatsapp_conversations (organization_id, lead_id, instance_id) VALUES ($1, $2, $3) RETURNING id`,
          [a.organizationId, lead.id, instance.id],
        );
        await m.query(
          `INSERT INTO tickets (organization_id, conversation_id, lead_id, stage_id, creator_type, source_type) VALUES ($1, $2, $3, $4, 'USER', 'organic')`,
          [a.organizationId, conv.id, lead.id, stagesB[0].id],
        );
      }),
    ).rejects.toThrow(/foreign key/);
  });
});
