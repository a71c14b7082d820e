import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { TokenCipher } from '../../src/common/crypto/token-cipher';
import { Db } from '../../src/database/db';
import { WhatsappInstancesRepository } from '../../src/modules/whatsapp-instances/whatsapp-instances.repository';
import { WhatsappTemplates } from '../../src/modules/whatsapp-instances/whatsapp-templates';
import { FakeGraphApi } from '../support/fake-graph-api';
import { addUser, registerAccount, type Account } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

type Body = Record<string, any>;

const evolution = (overrides: Body = {}): Body => ({
  name: 'Evolution',
  phoneNumber: '+55 21 98765-4321',
  provider: 'evolution',
  providerPhoneNumberId: 'loja-centro',
  ...overrides,
});

let seq = 0;
const newPhoneNumberId = () => `4200${process.pid}${String(++seq).padStart(3, '0')}`;
const newSecret = (prefix: string) => `${prefix}-${randomBytes(12).toString('hex')}`;

/**
 * The credentials an instance sends with: an Evolution server's apiUrl (organization-typed, so refused on private
 * networks unless ALLOW_PRIVATE_NETWORK_TARGETS) and write-only apiKey; and a Cloud API instance's approved templates,
 * read from a fake Graph API on loopback.
 */
describe('WhatsApp instance credentials', () => {
  const fake = new FakeGraphApi();
  const lines: string[] = [];
  /** The running group's server: one at a time, since Passport's strategies are process-wide. */
  let t: TestApp;
  /** Boots the group's server: by default private targets are refused; `env` may change that. */
  const boot = (env: Record<string, string> = {}) => {
    beforeAll(async () => {
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      });
      t = await createTestApp({ META_GRAPH_API_BASE_URL: fake.base, ...env }, { logDestination: sink });
    });
    afterAll(async () => {
      await t?.close();
    });
  };

  beforeAll(async () => {
    await fake.start();
  });

  afterAll(async () => {
    await fake.stop();
  });

  const create = (app: TestApp, account: Account, body: Body) =>
    app.http.post('/api/v1/whatsapp-instances').set(account.bearer).send(body);
  const patch = (app: TestApp, account: Account, id: string, body: Body) =>
    app.http.patch(`/api/v1/whatsapp-instances/${id}`).set(account.bearer).send(body);
  const fieldsOf = (body: Body) => (body.details as { field: string }[]).map((d) => d.field);

  describe('Evolution apiUrl and apiKey', () => {
    boot();

    it('refuses loopback, private and link-local apiUrl without the flag, naming apiUrl', async () => {
      const owner = await registerAccount(t);
      for (const apiUrl of [
        'http://127.0.0.1:8080',
        'http://localhost:8080',
        'http://10.0.0.7',
        'http://169.254.169.254',
        'http://[::1]:8080',
      ]) {
        const res = await create(t, owner, evolution({ apiUrl })).expect(400);
        expect(res.body).toMatchObject({
          code: 'invalid_input',
          details: [{ field: 'apiUrl', code: 'private_target' }],
        });
      }
      const created = (await create(t, owner, evolution()).expect(201)).body as Body;
      const res = await patch(t, owner, created.id, { apiUrl: 'http://127.0.0.1:8080' }).expect(400);
      expect(fieldsOf(res.body)).toEqual(['apiUrl']);
      await patch(t, owner, created.id, { apiUrl: 'ftp://evolution.example.com' }).expect(400);
      await patch(t, owner, created.id, { apiUrl: 'https://user:pw@93.184.216.34' }).expect(400);
      // A public address is accepted (nothing is called when it is saved).
      const saved = await patch(t, owner, created.id, { apiUrl: 'https://93.184.216.34/evolution/' }).expect(200);
      expect(saved.body).toMatchObject({ apiUrl: 'https://93.184.216.34/evolution', hasApiKey: false });
    });

    it('refuses apiUrl and apiKey on a Cloud API instance, naming the field', async () => {
      const owner = await registerAccount(t);
      const cloud = { name: 'Cloud', phoneNumber: '+55 11 94000-1234', provider: 'cloud_api' };
      const res = await create(t, owner, {
        ...cloud,
        providerPhoneNumberId: newPhoneNumberId(),
        apiUrl: 'https://93.184.216.34',
      }).expect(400);
      expect(fieldsOf(res.body)).toEqual(['apiUrl']);
      const created = (await create(t, owner, { ...cloud, providerPhoneNumberId: newPhoneNumberId() }).expect(201))
        .body as Body;
      expect(fieldsOf((await patch(t, owner, created.id, { apiKey: 'k'.repeat(20) }).expect(400)).body)).toEqual([
        'apiKey',
      ]);
      expect(created).toMatchObject({ apiUrl: null, hasApiKey: false });
    });
  });

  describe('Evolution apiUrl and apiKey with ALLOW_PRIVATE_NETWORK_TARGETS=true', () => {
    // Logged at info, to show the key never reaches the log.
    boot({ ALLOW_PRIVATE_NETWORK_TARGETS: 'true', LOG_LEVEL: 'info' });

    it('accepts a loopback apiUrl, keeps apiKey write-only and encrypted', async () => {
      const lan = t;
      const owner = await registerAccount(lan);
      const agent = await addUser(lan, owner, 'agent');
      const apiKey = newSecret('evo-key');
      const responses: unknown[] = [];
      const keep = (body: Body) => {
        responses.push(body);
        return body;
      };
      const created = keep(
        (await create(lan, owner, evolution({ apiUrl: 'http://127.0.0.1:8080/', apiKey })).expect(201)).body,
      );
      expect(created).toMatchObject({ apiUrl: 'http://127.0.0.1:8080', hasApiKey: true });
      expect(Object.keys(created)).not.toContain('apiKey');
      keep((await lan.http.get(`/api/v1/whatsapp-instances/${created.id}`).set(owner.bearer).expect(200)).body);
      keep((await lan.http.get('/api/v1/whatsapp-instances').set(agent.bearer).expect(200)).body);
      const renamed = keep((await patch(lan, owner, created.id, { name: 'Evolution Centro' }).expect(200)).body);
      expect(renamed).toMatchObject({ apiUrl: 'http://127.0.0.1:8080', hasApiKey: true });

      const [row] = await lan.dataSource.query('SELECT api_key_encrypted FROM whatsapp_instances WHERE id = $1', [
        created.id,
      ]);
      expect(row.api_key_encrypted).not.toContain(apiKey);
      const credentials = await lan.app
        .get(WhatsappInstancesRepository)
        .credentials(lan.app.get(Db), { organizationId: owner.organizationId, id: created.id });
      expect(credentials).toEqual({
        id: created.id,
        organizationId: owner.organizationId,
        provider: 'evolution',
        providerPhoneNumberId: 'loja-centro',
        providerBusinessAccountId: null,
        accessTokenEncrypted: null,
        verified: false,
        apiUrl: 'http://127.0.0.1:8080',
        apiKeyEncrypted: row.api_key_encrypted,
      });
      expect(lan.app.get(TokenCipher).decrypt(credentials!.apiKeyEncrypted!)).toBe(apiKey);
      // Another organization reads nothing.
      const other = await registerAccount(lan);
      const repository = lan.app.get(WhatsappInstancesRepository);
      const foreign = { organizationId: other.organizationId, id: created.id };
      expect(await repository.credentials(lan.app.get(Db), foreign)).toBeUndefined();

      // A new URL must come with the key: the stored one is never sent to another server.
      const moved = await patch(lan, owner, created.id, { apiUrl: 'http://10.0.0.9:8080' }).expect(400);
      expect(fieldsOf(moved.body)).toEqual(['apiKey']);
      keep(moved.body);
      const newKey = newSecret('evo-key-2');
      keep((await patch(lan, owner, created.id, { apiUrl: 'http://10.0.0.9:8080', apiKey: newKey }).expect(200)).body);
      const cleared = keep((await patch(lan, owner, created.id, { apiKey: null }).expect(200)).body);
      expect(cleared).toMatchObject({ apiUrl: 'http://10.0.0.9:8080', hasApiKey: false });
      // Without a stored key the URL may change alone; null clears it.
      await patch(lan, owner, created.id, { apiUrl: 'http://10.0.0.10' }).expect(200);
      expect((await patch(lan, owner, created.id, { apiUrl: null }).expect(200)).body).toMatchObject({ apiUrl: null });
      // Agents cannot change credentials; keys are visible ASCII up to 512 characters.
      await patch(lan, agent, created.id, { apiKey: newSecret('agent') }).expect(403);
      const bad = await patch(lan, owner, created.id, { apiKey: 'has space' }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['apiKey']);
      await patch(lan, owner, created.id, { apiKey: 'k'.repeat(513) }).expect(400);

      const everything = JSON.stringify(responses) + lines.join('');
      expect(lines.join('')).toContain(created.id); // the requests were logged...
      for (const secret of [apiKey, newKey]) expect(everything).not.toContain(secret); // ...never the key
    });
  });

  describe('templates', () => {
    boot();

    const template = (name: string, language: string, status: string, body?: string, header?: string) => ({
      id: `t-${name}-${language}`,
      name,
      language,
      status,
      category: 'UTILITY',
      components: [
        ...(header ? [{ type: 'HEADER', format: 'TEXT', text: header }] : []),
        ...(body ? [{ type: 'BODY', text: body }] : []),
        { type: 'FOOTER', text: 'Loja Teste' },
      ],
    });

    /** A verified Cloud API instance with a WABA id whose templates the fake holds. */
    const cloudInstance = async (owner: Account, templates: Body[]) => {
      const phoneNumberId = newPhoneNumberId();
      const wabaId = `9${phoneNumberId}`;
      const token = newSecret('EAAG-templates');
      fake.grantPhoneNumbers(token, phoneNumberId);
      fake.setTemplates(wabaId, token, templates);
      const created = (
        await create(t, owner, {
          name: 'Cloud',
          phoneNumber: '+55 11 94000-1234',
          provider: 'cloud_api',
          providerPhoneNumberId: phoneNumberId,
          providerBusinessAccountId: wabaId,
        }).expect(201)
      ).body as Body;
      await patch(t, owner, created.id, { accessToken: token }).expect(200);
      return { id: created.id as string, wabaId, token, phoneNumberId };
    };
    const templates = (account: Account, id: string) =>
      t.http.get(`/api/v1/whatsapp-instances/${id}/templates`).set(account.bearer);

    it('lists the approved templates by name and language, with their variables, and caches them', async () => {
      const owner = await registerAccount(t);
      const agent = await addUser(t, owner, 'agent');
      const filler = Array.from({ length: 205 }, (_, i) =>
        template(`z_filler_${String(i).padStart(3, '0')}`, 'pt_BR', 'APPROVED', 'Oi'),
      );
      const instance = await cloudInstance(owner, [
        template('pedido_confirmado', 'pt_BR', 'APPROVED', 'Olá {{1}}, pedido {{2}} confirmado. {{1}}', 'Pedido'),
        template('pedido_confirmado', 'en_US', 'APPROVED', 'Hi {{1}}'),
        template('boas_vindas', 'pt_BR', 'APPROVED'),
        template('promo', 'pt_BR', 'REJECTED', 'Promo {{1}}'),
        template('aviso', 'pt_BR', 'PENDING', 'Aviso'),
        ...filler,
      ]);
      const reads = fake.templateReads().length;
      const res = await templates(agent, instance.id).expect(200);
      const items = res.body.items as Body[];
      expect(items.slice(0, 3)).toEqual([
        {
          name: 'boas_vindas',
          language: 'pt_BR',
          category: 'UTILITY',
          status: 'APPROVED',
          body: null,
          variables: 0,
          headerText: null,
        },
        {
          name: 'pedido_confirmado',
          language: 'en_US',
          category: 'UTILITY',
          status: 'APPROVED',
          body: 'Hi {{1}}',
          variables: 1,
          headerText: null,
        },
        {
          name: 'pedido_confirmado',
          language: 'pt_BR',
          category: 'UTILITY',
          status: 'APPROVED',
          body: 'Olá {{1}}, pedido {{2}} confirmado. {{1}}',
          variables: 2,
          headerText: 'Pedido',
        },
      ]);
      // Both pages were read (limit 200, then paging.next), with the token in the header only.
      expect(items).toHaveLength(3 + 205);
      const sent = fake.templateReads().slice(reads);
      expect(sent).toHaveLength(2);
      expect(sent[0]).toMatchObject({
        path: `/v21.0/${instance.wabaId}/message_templates`,
        query: { fields: 'name,language,status,category,components', limit: '200' },
        authorization: `Bearer ${instance.token}`,
      });
      expect(sent[1].query).toMatchObject({ after: '200' });
      for (const r of sent) expect(JSON.stringify(r.query)).not.toContain(instance.token);

      // Cached: another list and the sender's find make no Graph request.
      expect((await templates(owner, instance.id).expect(200)).body).toEqual(res.body);
      const service = t.app.get(WhatsappTemplates);
      expect(await service.find(owner.organizationId, instance.id, 'pedido_confirmado', 'pt_BR')).toMatchObject({
        variables: 2,
        headerText: 'Pedido',
      });
      expect(await service.find(owner.organizationId, instance.id, 'promo', 'pt_BR')).toBeNull();
      expect(fake.templateReads()).toHaveLength(reads + 2);

      // A new access token drops the cached listing.
      const token = newSecret('EAAG-new');
      fake.grantPhoneNumbers(token, instance.phoneNumberId);
      fake.setTemplates(instance.wabaId, token, [template('nova', 'pt_BR', 'APPROVED', 'Nova {{1}} {{2}} {{3}}')]);
      await patch(t, owner, instance.id, { accessToken: token }).expect(200);
      const fresh = await templates(owner, instance.id).expect(200);
      expect(fresh.body.items).toEqual([expect.objectContaining({ name: 'nova', variables: 3 })]);
      expect(fake.templateReads()).toHaveLength(reads + 3);

      // Other organizations see no instance.
      const other = await registerAccount(t);
      await templates(other, instance.id).expect(404);
    });

    it('answers 502 when the Graph API fails, 422 with its code when it refuses, and does not cache failures', async () => {
      const owner = await registerAccount(t);
      const instance = await cloudInstance(owner, [template('oi', 'pt_BR', 'APPROVED', 'Oi {{1}}')]);
      fake.failNext(500, { error: { message: 'An unknown error occurred', code: 1, is_transient: false } });
      const down = await templates(owner, instance.id).expect(502);
      expect(down.body).toMatchObject({ code: 'upstream_error' });
      fake.hangUpNext();
      await templates(owner, instance.id).expect(502);
      await expect(
        t.app.get(WhatsappTemplates).find(owner.organizationId, instance.id, 'oi', 'pt_BR'),
      ).resolves.toMatchObject({ name: 'oi', variables: 1 });

      const expired = await cloudInstance(owner, []);
      fake.failNext(401, {
        error: { message: 'Error validating access token: Session has expired', type: 'OAuthException', code: 190 },
      });
      const refused = await templates(owner, expired.id).expect(422);
      expect(refused.body).toMatchObject({ code: 'graph_api_refused', message: expect.stringContaining('190') });
      expect(refused.body.message).not.toContain(expired.token);
    });

    it('answers 409 for an Evolution instance and one without token or WABA id', async () => {
      const owner = await registerAccount(t);
      const evo = (await create(t, owner, evolution()).expect(201)).body as Body;
      expect((await templates(owner, evo.id).expect(409)).body).toMatchObject({ code: 'templates_not_supported' });
      const bare = (
        await create(t, owner, {
          name: 'Cloud',
          phoneNumber: '+55 11 94000-1234',
          provider: 'cloud_api',
          providerPhoneNumberId: newPhoneNumberId(),
        }).expect(201)
      ).body as Body;
      const missing = await templates(owner, bare.id).expect(409);
      expect(missing.body).toMatchObject({
        code: 'instance_credentials_missing',
        message: expect.stringContaining('accessToken and providerBusinessAccountId'),
      });
      await templates(owner, '00000000-0000-4000-8000-000000000009').expect(404);
    });
  });
});
