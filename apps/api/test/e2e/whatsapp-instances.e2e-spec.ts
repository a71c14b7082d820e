import { createTestApp, type TestApp } from '../support/test-app';
import { addUser, createApiKey, registerAccount, type Account } from '../support/fixtures';

interface Instance {
  id: string;
  name: string;
  phoneNumber: string;
  provider: 'cloud_api' | 'evolution';
  providerPhoneNumberId: string | null;
  providerBusinessAccountId: string | null;
  createdAt: string;
}

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

describe('whatsapp instances', () => {
  let t: TestApp;
  let owner: Account;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp();
  });

  beforeEach(async () => {
    owner = await registerAccount(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const list = async (account: Account = owner): Promise<Instance[]> =>
    (await t.http.get('/api/v1/whatsapp-instances').set(account.bearer).expect(200)).body.items as Instance[];

  const cloudApi = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    name: 'Atendimento',
    phoneNumber: '+55 11 99999-8888',
    provider: 'cloud_api',
    providerPhoneNumberId: `10654035224${String(++seq).padStart(4, '0')}`,
    providerBusinessAccountId: '102290129340398',
    ...overrides,
  });

  const create = async (body: Record<string, unknown> = cloudApi(), account: Account = owner): Promise<Instance> =>
    (await t.http.post('/api/v1/whatsapp-instances').set(account.bearer).send(body).expect(201)).body as Instance;

  it('creates, lists oldest first, gets, updates and deletes an instance', async () => {
    expect(await list()).toEqual([]);
    const body = cloudApi({ name: '  Loja Centro  ' });
    const first = await create(body);
    expect(first).toEqual({
      id: expect.any(String),
      name: 'Loja Centro',
      phoneNumber: '+5511999998888',
      provider: 'cloud_api',
      providerPhoneNumberId: body.providerPhoneNumberId,
      providerBusinessAccountId: '102290129340398',
      hasAccessToken: false,
      verified: false,
      conflicting: false,
      apiUrl: null,
      hasApiKey: false,
      webhookUrl: 'http://localhost:3000/api/v1/webhooks/whatsapp/cloud',
      webhookToken: expect.stringMatching(/^[0-9a-f]{48}$/),
      createdAt: expect.any(String),
    });
    const second = await create({ name: 'Evolution', phoneNumber: '(21) 98765-4321', provider: 'evolution' });
    expect(second).toMatchObject({
      phoneNumber: '+5521987654321',
      provider: 'evolution',
      providerPhoneNumberId: null,
      providerBusinessAccountId: null,
    });
    expect((await list()).map((i) => i.id)).toEqual([first.id, second.id]);

    const got = await t.http.get(`/api/v1/whatsapp-instances/${first.id}`).set(owner.bearer).expect(200);
    expect(got.body).toEqual(first);

    const patched = await t.http
      .patch(`/api/v1/whatsapp-instances/${first.id}`)
      .set(owner.bearer)
      .send({ name: 'Loja Sul', phoneNumber: '11 3333-4444', providerBusinessAccountId: null })
      .expect(200);
    expect(patched.body).toEqual({
      ...first,
      name: 'Loja Sul',
      phoneNumber: '+551133334444',
      providerBusinessAccountId: null,
    });

    await t.http.delete(`/api/v1/whatsapp-instances/${first.id}`).set(owner.bearer).expect(204);
    await t.http.get(`/api/v1/whatsapp-instances/${first.id}`).set(owner.bearer).expect(404);
    await t.http.delete(`/api/v1/whatsapp-instances/${first.id}`).set(owner.bearer).expect(404);
    expect((await list()).map((i) => i.id)).toEqual([second.id]);
  });

  it.each(['(11) 99999-8888', '5511999998888', '+55 11 99999-8888'])('normalizes %s to E.164', async (phone) => {
    const instance = await create(cloudApi({ phoneNumber: phone }));
    expect(instance.phoneNumber).toBe('+5511999998888');
  });

  it('rejects an invalid phone with 400 naming phoneNumber, on create and update', async () => {
    for (const phoneNumber of ['123', 'abc', '+55 11']) {
      const res = await t.http
        .post('/api/v1/whatsapp-instances')
        .set(owner.bearer)
        .send(cloudApi({ phoneNumber }))
        .expect(400);
      expect(res.body.details).toMatchObject([
        { field: 'phoneNumber', code: 'invalid_phone', message: expect.stringContaining('phone') },
      ]);
    }
    const instance = await create();
    const res = await t.http
      .patch(`/api/v1/whatsapp-instances/${instance.id}`)
      .set(owner.bearer)
      .send({ phoneNumber: '999' })
      .expect(400);
    expect(res.body.details).toMatchObject([{ field: 'phoneNumber', message: expect.any(String) }]);
    const nulled = await t.http
      .patch(`/api/v1/whatsapp-instances/${instance.id}`)
      .set(owner.bearer)
      .send({ phoneNumber: null, name: null })
      .expect(400);
    expect(new Set(nulled.body.details.map((d: { field: string }) => d.field))).toEqual(
      new Set(['name', 'phoneNumber']),
    );
    expect(await list()).toEqual([instance]);
  });

  it('requires a digits-only providerPhoneNumberId for cloud_api', async () => {
    const missing = await t.http
      .post('/api/v1/whatsapp-instances')
      .set(owner.bearer)
      .send(cloudApi({ providerPhoneNumberId: undefined }))
      .expect(400);
    expect(missing.body.details).toMatchObject([{ field: 'providerPhoneNumberId', message: expect.any(String) }]);
    const notDigits = await t.http
      .post('/api/v1/whatsapp-instances')
      .set(owner.bearer)
      .send(cloudApi({ providerPhoneNumberId: 'abc-123' }))
      .expect(400);
    expect(notDigits.body.details).toMatchObject([{ field: 'providerPhoneNumberId', message: expect.any(String) }]);
    await t.http
      .post('/api/v1/whatsapp-instances')
      .set(owner.bearer)
      .send(cloudApi({ providerPhoneNumberId: '1'.repeat(65) }))
      .expect(400);

    const instance = await create();
    const cleared = await t.http
      .patch(`/api/v1/whatsapp-instances/${instance.id}`)
      .set(owner.bearer)
      .send({ providerPhoneNumberId: null })
      .expect(400);
    expect(cleared.body.details).toMatchObject([{ field: 'providerPhoneNumberId', message: expect.any(String) }]);
    expect(await list()).toEqual([instance]);
  });

  it('keeps providerPhoneNumberId unique among the cloud_api instances of an organization', async () => {
    const first = await create(cloudApi({ providerPhoneNumberId: '555000111' }));
    const dup = await t.http
      .post('/api/v1/whatsapp-instances')
      .set(owner.bearer)
      .send(cloudApi({ providerPhoneNumberId: '555000111' }))
      .expect(409);
    expect(dup.body.message).toContain('555000111');

    const other = await create(cloudApi({ providerPhoneNumberId: '555000222' }));
    await t.http
      .patch(`/api/v1/whatsapp-instances/${other.id}`)
      .set(owner.bearer)
      .send({ providerPhoneNumberId: '555000111' })
      .expect(409);
    // Saving an instance with its own id is not a conflict.
    await t.http
      .patch(`/api/v1/whatsapp-instances/${first.id}`)
      .set(owner.bearer)
      .send({ providerPhoneNumberId: '555000111', name: 'Renomeada' })
      .expect(200);

    // Evolution instances and other organizations do not collide.
    await create({
      name: 'Gateway',
      phoneNumber: '11999998888',
      provider: 'evolution',
      providerPhoneNumberId: '555000111',
    });
    // Another organization may claim the id too, and is not told that it is claimed (verification decides who gets
    // the webhooks: see whatsapp-cloud-claims).
    const b = await registerAccount(t, 'Org B');
    const claimB = await create(cloudApi({ providerPhoneNumberId: '555000111' }), b);
    expect(claimB).toMatchObject({ providerPhoneNumberId: '555000111', verified: false, conflicting: false });
    const movedB = await create(cloudApi(), b);
    await t.http
      .patch(`/api/v1/whatsapp-instances/${movedB.id}`)
      .set(b.bearer)
      .send({ providerPhoneNumberId: '555000222' })
      .expect(200);
    expect(await list()).toHaveLength(3);
  });

  it('serializes 20 concurrent creates with the same providerPhoneNumberId', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.http
          .post('/api/v1/whatsapp-instances')
          .set(owner.bearer)
          .send(cloudApi({ providerPhoneNumberId: '777' })),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array.from({ length: 19 }, () => 409)]);
    expect(await list()).toHaveLength(1);
  });

  it('lets agents and API keys read but only owners and admins manage', async () => {
    const instance = await create();
    const agent = await addUser(t, owner, 'agent');
    const admin = await addUser(t, owner, 'admin');
    const key = await createApiKey(t, owner);

    // Agents see the instance but not its webhook secret.
    expect(await list(agent)).toEqual([{ ...instance, webhookToken: null }]);
    await t.http.get(`/api/v1/whatsapp-instances/${instance.id}`).set(agent.bearer).expect(200);
    await t.http.get('/api/v1/whatsapp-instances').set('X-API-Key', key.key).expect(200);

    await t.http.post('/api/v1/whatsapp-instances').set(agent.bearer).send(cloudApi()).expect(403);
    await t.http.post('/api/v1/whatsapp-instances').set('X-API-Key', key.key).send(cloudApi()).expect(403);
    await t.http
      .patch(`/api/v1/whatsapp-instances/${instance.id}`)
      .set(agent.bearer)
      .send({ name: 'Agente' })
      .expect(403);
    await t.http.delete(`/api/v1/whatsapp-instances/${instance.id}`).set(agent.bearer).expect(403);
    expect(await list()).toEqual([instance]);

    const byAdmin = await create(cloudApi(), admin);
    await t.http.delete(`/api/v1/whatsapp-instances/${byAdmin.id}`).set(admin.bearer).expect(204);
    await t.http.get('/api/v1/whatsapp-instances').expect(401);
  });

  it("answers 404 for another organization's instance and never lists it", async () => {
    const instance = await create();
    const b = await registerAccount(t, 'Org B');
    const foreign = await t.http.get(`/api/v1/whatsapp-instances/${instance.id}`).set(b.bearer).expect(404);
    const missing = await t.http.get(`/api/v1/whatsapp-instances/${MISSING_ID}`).set(b.bearer).expect(404);
    expect(foreign.body).toEqual({ ...missing.body, message: missing.body.message.replace(MISSING_ID, instance.id) });
    await t.http.patch(`/api/v1/whatsapp-instances/${instance.id}`).set(b.bearer).send({ name: 'Hacked' }).expect(404);
    await t.http.delete(`/api/v1/whatsapp-instances/${instance.id}`).set(b.bearer).expect(404);
    expect(await list(b)).toEqual([]);
    expect(await list()).toEqual([instance]);
  });

  it('refuses to delete an instance that has conversations', async () => {
    const instance = await create();
    const [lead] = await t.dataSource.query(
      `INSERT INTO leads (organization_id, phone, phone_key) VALUES ($1, '+5511988887777', '+551188887777') RETURNING id`,
      [owner.organizationId],
    );
    await t.dataSource.query(
      `INSERT INTO whatsapp_conversations (organization_id, lead_id, instance_id) VALUES ($1, $2, $3)`,
      [owner.organizationId, lead.id, instance.id],
    );
    const res = await t.http.delete(`/api/v1/whatsapp-instances/${instance.id}`).set(owner.bearer).expect(409);
    expect(res.body.message).toContain('1 conversation');
    expect(await list()).toEqual([instance]);
  });

  it('rejects unknown fields, a provider change, bad providers and bad ids with 400', async () => {
    const unknown = await t.http
      .post('/api/v1/whatsapp-instances')
      .set(owner.bearer)
      .send(cloudApi({ token: 'secret' }))
      .expect(400);
    expect(unknown.body.details).toMatchObject([{ field: 'token', message: expect.any(String) }]);
    const provider = await t.http
      .post('/api/v1/whatsapp-instances')
      .set(owner.bearer)
      .send(cloudApi({ provider: 'twilio' }))
      .expect(400);
    expect(provider.body.details).toMatchObject([{ field: 'provider', message: expect.any(String) }]);
    const missing = await t.http.post('/api/v1/whatsapp-instances').set(owner.bearer).send({}).expect(400);
    expect(new Set(missing.body.details.map((d: { field: string }) => d.field))).toEqual(
      new Set(['name', 'phoneNumber', 'provider']),
    );

    const instance = await create();
    const change = await t.http
      .patch(`/api/v1/whatsapp-instances/${instance.id}`)
      .set(owner.bearer)
      .send({ provider: 'evolution' })
      .expect(400);
    expect(change.body.details).toMatchObject([{ field: 'provider', message: expect.any(String) }]);
    await t.http.get('/api/v1/whatsapp-instances/not-a-uuid').set(owner.bearer).expect(400);
    expect(await list()).toEqual([instance]);
  });

  it('documents the seven operations, the error bodies and a provider-less update body', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<string, { operationId: string; tags: string[]; responses: Record<string, unknown> }>
      >;
      components: { schemas: Record<string, { properties: Record<string, { type?: string; writeOnly?: boolean }> }> };
    };
    const ops = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/whatsapp-instances'))
      .flatMap(([, methods]) => Object.values(methods));
    expect(ops.map((op) => op.operationId).sort()).toEqual([
      'createWhatsappInstance',
      'deleteWhatsappInstance',
      'getWhatsappInstance',
      'getWhatsappSetup',
      'listWhatsappInstanceTemplates',
      'listWhatsappInstances',
      'updateWhatsappInstance',
    ]);
    for (const op of ops) expect(op.tags).toEqual(['whatsapp-instances']);
    const byId = Object.fromEntries(ops.map((op) => [op.operationId, op]));
    expect(Object.keys(byId.deleteWhatsappInstance.responses)).toEqual(expect.arrayContaining(['204', '404', '409']));
    expect(Object.keys(byId.createWhatsappInstance.responses)).toEqual(expect.arrayContaining(['201', '403', '409']));
    expect(Object.keys(byId.updateWhatsappInstance.responses)).toEqual(
      expect.arrayContaining(['200', '400', '404', '409', '502']),
    );
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas.UpdateWhatsappInstanceDto.properties)).not.toContain('provider');
    expect(schemas.CreateWhatsappInstanceDto.properties.providerPhoneNumberId.type).toBe('string');
    // The access token is write-only: accepted on update, never part of a response.
    expect(schemas.UpdateWhatsappInstanceDto.properties.accessToken).toMatchObject({ type: 'string', writeOnly: true });
    expect(Object.keys(schemas.CreateWhatsappInstanceDto.properties)).not.toContain('accessToken');
    const response = Object.keys(schemas.WhatsappInstanceResponseDto.properties);
    expect(response).toEqual(expect.arrayContaining(['hasAccessToken', 'verified', 'conflicting']));
    expect(response).not.toContain('accessToken');
    // So is the Evolution API key, accepted on create and update.
    for (const dto of ['CreateWhatsappInstanceDto', 'UpdateWhatsappInstanceDto']) {
      expect(schemas[dto].properties.apiKey).toMatchObject({ type: 'string', writeOnly: true });
    }
    expect(response).toEqual(expect.arrayContaining(['apiUrl', 'hasApiKey']));
    expect(response).not.toContain('apiKey');
    expect(Object.keys(byId.listWhatsappInstanceTemplates.responses)).toEqual(
      expect.arrayContaining(['200', '404', '409', '422', '502']),
    );
  });
});
