import { randomBytes } from 'node:crypto';
import { TokenCipher } from '../../src/common/crypto/token-cipher';
import { FakeGraphApi } from '../support/fake-graph-api';
import { addUser, createApiKey, registerAccount, type Account } from '../support/fixtures';
import { WebhookFixture } from '../support/webhook-fixture';
import { cloudText } from '../support/whatsapp-payloads';

/**
 * Claims of a Cloud API phone_number_id by several organizations: anyone may claim any id, deliveries go to the claim
 * verified with an access token the Graph API accepts (a fake on loopback), else to the only claim, else to nobody.
 */
describe('WhatsApp Cloud API: phone_number_id claims', () => {
  const fake = new FakeGraphApi();
  const app = new WebhookFixture();
  let seq = 0;

  beforeAll(async () => {
    await fake.start();
    await app.boot({ META_GRAPH_API_BASE_URL: fake.base });
  });

  afterAll(async () => {
    await app.close();
    await fake.stop();
  });

  /** A phone_number_id no other test uses. */
  const newPhoneNumberId = () => `3100${process.pid}${String(++seq).padStart(3, '0')}`;
  const newToken = () => `EAAG-claims-${randomBytes(12).toString('hex')}`;

  const claim = async (account: Account, providerPhoneNumberId: string) =>
    (
      await app.http
        .post('/api/v1/whatsapp-instances')
        .set(account.bearer)
        .send({ name: 'Cloud', phoneNumber: '+55 11 94000-1234', provider: 'cloud_api', providerPhoneNumberId })
        .expect(201)
    ).body;

  const patch = (account: Account, id: string, body: Record<string, unknown>) =>
    app.http.patch(`/api/v1/whatsapp-instances/${id}`).set(account.bearer).send(body);

  const instance = async (account: Account, id: string) =>
    (await app.http.get(`/api/v1/whatsapp-instances/${id}`).set(account.bearer).expect(200)).body;

  /** Posts one signed text message from a lead to the phone_number_id (not processed yet). */
  const post = (phoneNumberId: string, messageId: string) =>
    app.postCloud(cloudText({ id: messageId, text: 'Quero comprar', phoneNumberId })).expect(200);

  const deliver = async (phoneNumberId: string, messageId: string) => {
    await post(phoneNumberId, messageId);
    await app.drain();
  };

  const event = async (messageId: string) =>
    (
      await app.sql(`SELECT status, organization_id, instance_id FROM webhook_events WHERE body::text LIKE $1`, [
        `%"${messageId}"%`,
      ])
    )[0];

  const messageIds = async (account: Account): Promise<string[]> =>
    (
      await app.sql(
        'SELECT provider_message_id FROM whatsapp_messages WHERE organization_id = $1 ORDER BY provider_message_id',
        [account.organizationId],
      )
    ).map((r: { provider_message_id: string }) => r.provider_message_id);

  const stored = async (id: string) =>
    (await app.sql('SELECT access_token_encrypted, verified_at FROM whatsapp_instances WHERE id = $1', [id]))[0];

  it('gives the deliveries to the only claim; a second claim answers 201 like any create, then nobody gets them', async () => {
    const id = newPhoneNumberId();
    const squatter = await registerAccount(app.t, 'Primeira a registrar');
    const owner = await registerAccount(app.t, 'Dona do número');
    const first = await claim(squatter, id);
    expect(first).toMatchObject({ hasAccessToken: false, verified: false, conflicting: false });
    await deliver(id, `wamid.${id}.1`);
    expect(await messageIds(squatter)).toEqual([`wamid.${id}.1`]);

    const second = await app.http
      .post('/api/v1/whatsapp-instances')
      .set(owner.bearer)
      .send({ name: 'Cloud', phoneNumber: '+55 11 94000-1234', provider: 'cloud_api', providerPhoneNumberId: id });
    expect(second.status).toBe(201);
    expect(Object.keys(second.body).sort()).toEqual(Object.keys(first).sort());
    expect(second.body).toMatchObject({ providerPhoneNumberId: id, verified: false, conflicting: false });

    // Two unverified claims: stored unrouted at intake, unroutable once processed, seen by no organization.
    await post(id, `wamid.${id}.2`);
    expect(await event(`wamid.${id}.2`)).toEqual({ status: 'pending', organization_id: null, instance_id: null });
    await app.drain();
    expect(await event(`wamid.${id}.2`)).toEqual({ status: 'unroutable', organization_id: null, instance_id: null });
    expect(await messageIds(squatter)).toEqual([`wamid.${id}.1`]);
    expect(await messageIds(owner)).toEqual([]);
  });

  it('takes back an event filed under the only claim at intake when a second claim appears before processing', async () => {
    const id = newPhoneNumberId();
    const squatter = await registerAccount(app.t, 'Primeira a registrar');
    const owner = await registerAccount(app.t, 'Dona do número');
    const first = await claim(squatter, id);
    await post(id, `wamid.${id}.1`);
    expect(await event(`wamid.${id}.1`)).toEqual({
      status: 'pending',
      organization_id: squatter.organizationId,
      instance_id: first.id,
    });
    await claim(owner, id);
    await app.drain();
    // Its body is a lead's message: the organization it was filed under must not keep it.
    expect(await event(`wamid.${id}.1`)).toEqual({ status: 'unroutable', organization_id: null, instance_id: null });
    const events = (await app.http.get('/api/v1/webhook-events').set(squatter.bearer).expect(200)).body;
    expect(events.total).toBe(0);
    expect(await messageIds(squatter)).toEqual([]);
  });

  it('verifies a claim with an accepted token: it gets the re-queued and new deliveries, the squatter shows conflicting', async () => {
    const id = newPhoneNumberId();
    const token = newToken();
    fake.grantPhoneNumbers(token, id);
    const squatter = await registerAccount(app.t, 'Primeira a registrar');
    const owner = await registerAccount(app.t, 'Dona do número');
    const squatted = await claim(squatter, id);
    await deliver(id, `wamid.${id}.1`);
    const mine = await claim(owner, id);
    await deliver(id, `wamid.${id}.2`);
    await deliver(id, `wamid.${id}.old`);
    // Older than the 7 days a verification looks back: stays unroutable.
    await app.sql(`UPDATE webhook_events SET received_at = now() - interval '8 days' WHERE body::text LIKE $1`, [
      `%"wamid.${id}.old"%`,
    ]);

    const reads = fake.phoneNumberReads().length;
    const verified = await patch(owner, mine.id, { accessToken: token }).expect(200);
    expect(verified.body).toMatchObject({ id: mine.id, hasAccessToken: true, verified: true, conflicting: false });
    expect(fake.phoneNumberReads().slice(reads)).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: `/v21.0/${id}`,
        query: { fields: 'id,display_phone_number,verified_name' },
        authorization: `Bearer ${token}`,
      }),
    ]);
    expect(await instance(squatter, squatted.id)).toMatchObject({
      hasAccessToken: false,
      verified: false,
      conflicting: true,
    });

    expect(await event(`wamid.${id}.2`)).toEqual({ status: 'pending', organization_id: null, instance_id: null });
    expect((await event(`wamid.${id}.old`)).status).toBe('unroutable');
    await app.drain();
    expect(await event(`wamid.${id}.2`)).toEqual({
      status: 'processed',
      organization_id: owner.organizationId,
      instance_id: mine.id,
    });
    await deliver(id, `wamid.${id}.3`);
    expect(await messageIds(owner)).toEqual([`wamid.${id}.2`, `wamid.${id}.3`]);
    expect(await messageIds(squatter)).toEqual([`wamid.${id}.1`]);

    // A claim made after the verification changes nothing either.
    const late = await registerAccount(app.t, 'Depois');
    expect(await claim(late, id)).toMatchObject({ verified: false, conflicting: true });
    await deliver(id, `wamid.${id}.4`);
    expect(await messageIds(owner)).toEqual([`wamid.${id}.2`, `wamid.${id}.3`, `wamid.${id}.4`]);
    expect(await messageIds(late)).toEqual([]);
  });

  it('refuses a token the Graph API does not accept for the id with 400 on accessToken, storing nothing', async () => {
    const id = newPhoneNumberId();
    const other = newToken();
    fake.grantPhoneNumbers(other, newPhoneNumberId());
    const owner = await registerAccount(app.t);
    const mine = await claim(owner, id);

    const refused = async (accessToken: string) => {
      const res = await patch(owner, mine.id, { accessToken, name: 'Renomeada' }).expect(400);
      expect(res.body.details).toMatchObject([
        { field: 'accessToken', message: expect.stringContaining('not accepted for this phone_number_id') },
      ]);
      expect(res.text).not.toContain(accessToken);
    };
    await refused(newToken()); // unknown token: Graph error 190
    await refused(other); // a token of another number: Graph error 100
    fake.failNext(200, { id: '999' }); // an answer for another id
    await refused(newToken());
    fake.failNext(403, { error: { message: 'Permissions error', type: 'OAuthException', code: 200 } });
    await refused(newToken());

    // When the Graph API cannot tell: a 502, never a 500, and nothing saved either.
    fake.failNext(500, { error: { message: 'An unknown error occurred', code: 1, is_transient: true } });
    const down = await patch(owner, mine.id, { accessToken: newToken() }).expect(502);
    expect(down.body.message).toContain('try again');
    fake.hangUpNext();
    await patch(owner, mine.id, { accessToken: newToken() }).expect(502);

    expect(await stored(mine.id)).toEqual({ access_token_encrypted: null, verified_at: null });
    expect(await instance(owner, mine.id)).toMatchObject({ name: 'Cloud', hasAccessToken: false, verified: false });
  });

  it('never returns the token, stores it encrypted, and clears token and verification with null', async () => {
    const id = newPhoneNumberId();
    const token = newToken();
    fake.grantPhoneNumbers(token, id);
    const owner = await registerAccount(app.t);
    const admin = await addUser(app.t, owner, 'admin');
    const agent = await addUser(app.t, owner, 'agent');
    const key = await createApiKey(app.t, owner);
    const mine = await claim(owner, id);

    const set = await patch(admin, mine.id, { accessToken: token }).expect(200);
    const texts = [set.text];
    for (const account of [owner, admin, agent]) {
      texts.push((await app.http.get(`/api/v1/whatsapp-instances/${mine.id}`).set(account.bearer).expect(200)).text);
      texts.push((await app.http.get('/api/v1/whatsapp-instances').set(account.bearer).expect(200)).text);
    }
    texts.push((await app.http.get('/api/v1/whatsapp-instances').set('X-API-Key', key.key).expect(200)).text);
    for (const text of texts) {
      expect(text).toContain('"hasAccessToken":true');
      expect(text).not.toContain(token);
      expect(text).not.toContain('accessToken"');
    }

    const row = await stored(mine.id);
    expect(row.verified_at).not.toBeNull();
    expect(row.access_token_encrypted).toMatch(/^v1\./);
    expect(row.access_token_encrypted).not.toContain(token);
    expect(app.t.app.get(TokenCipher).decrypt(row.access_token_encrypted)).toBe(token);

    const cleared = await patch(owner, mine.id, { accessToken: null }).expect(200);
    expect(cleared.body).toMatchObject({ hasAccessToken: false, verified: false, conflicting: false });
    expect(await stored(mine.id)).toEqual({ access_token_encrypted: null, verified_at: null });
  });

  it('verifies a new providerPhoneNumberId with the stored token, refusing the change when it is not accepted', async () => {
    const [a, b, c] = [newPhoneNumberId(), newPhoneNumberId(), newPhoneNumberId()];
    const token = newToken();
    const newer = newToken();
    fake.grantPhoneNumbers(token, a, b);
    fake.grantPhoneNumbers(newer, c);
    const owner = await registerAccount(app.t);
    const mine = await claim(owner, a);
    await patch(owner, mine.id, { accessToken: token }).expect(200);

    const refused = await patch(owner, mine.id, { providerPhoneNumberId: c }).expect(400);
    expect(refused.body.details).toMatchObject([{ field: 'providerPhoneNumberId', message: expect.any(String) }]);
    expect(await instance(owner, mine.id)).toMatchObject({ providerPhoneNumberId: a, verified: true });

    const reads = fake.phoneNumberReads().length;
    const moved = await patch(owner, mine.id, { providerPhoneNumberId: b }).expect(200);
    expect(moved.body).toMatchObject({ providerPhoneNumberId: b, hasAccessToken: true, verified: true });
    expect(fake.phoneNumberReads().slice(reads)).toEqual([
      expect.objectContaining({ path: `/v21.0/${b}`, authorization: `Bearer ${token}` }),
    ]);

    // A new id with a new token in the same request: the new token is the one verified and kept.
    await patch(owner, mine.id, { providerPhoneNumberId: c, accessToken: newer }).expect(200);
    const row = await stored(mine.id);
    expect(app.t.app.get(TokenCipher).decrypt(row.access_token_encrypted)).toBe(newer);
    expect(await instance(owner, mine.id)).toMatchObject({ providerPhoneNumberId: c, verified: true });
  });

  it("answers 409 to a valid token for an id another organization verified, and keeps that claim's deliveries", async () => {
    const id = newPhoneNumberId();
    const first = newToken();
    const second = newToken();
    fake.grantPhoneNumbers(first, id);
    fake.grantPhoneNumbers(second, id);
    const a = await registerAccount(app.t, 'A');
    const b = await registerAccount(app.t, 'B');
    const claimA = await claim(a, id);
    await patch(a, claimA.id, { accessToken: first }).expect(200);
    const claimB = await claim(b, id);
    const res = await patch(b, claimB.id, { accessToken: second }).expect(409);
    expect(res.body.message).toContain('already verified');
    expect(await instance(b, claimB.id)).toMatchObject({ hasAccessToken: false, verified: false, conflicting: true });
    expect(await stored(claimB.id)).toEqual({ access_token_encrypted: null, verified_at: null });
    await deliver(id, `wamid.${id}.1`);
    expect(await messageIds(a)).toEqual([`wamid.${id}.1`]);
    expect(await messageIds(b)).toEqual([]);
  });

  it('refuses accessToken on an Evolution instance (400), from agents and API keys (403), and when not a string', async () => {
    const owner = await registerAccount(app.t);
    const agent = await addUser(app.t, owner, 'agent');
    const key = await createApiKey(app.t, owner);
    const token = newToken();
    const id = newPhoneNumberId();
    fake.grantPhoneNumbers(token, id);
    const cloud = await claim(owner, id);
    const evolution = (
      await app.http
        .post('/api/v1/whatsapp-instances')
        .set(owner.bearer)
        .send({ name: 'Evolution', phoneNumber: '+55 11 91234-5678', provider: 'evolution' })
        .expect(201)
    ).body;
    const reads = fake.phoneNumberReads().length;

    for (const accessToken of [token, null]) {
      const res = await patch(owner, evolution.id, { accessToken }).expect(400);
      expect(res.body.details).toMatchObject([{ field: 'accessToken', message: expect.stringContaining('cloud_api') }]);
    }
    await patch(agent, cloud.id, { accessToken: token }).expect(403);
    await app.http
      .patch(`/api/v1/whatsapp-instances/${cloud.id}`)
      .set('X-API-Key', key.key)
      .send({ accessToken: token })
      .expect(403);
    // A token goes into an HTTP header: anything but visible ASCII is refused before the Graph API is asked.
    for (const accessToken of [123, 'x'.repeat(2049), 'EAAG😀token', 'EAAG token', 'EAAGçtoken']) {
      const res = await patch(owner, cloud.id, { accessToken }).expect(400);
      expect(new Set(res.body.details.map((d: { field: string }) => d.field))).toEqual(new Set(['accessToken']));
    }

    expect(fake.phoneNumberReads()).toHaveLength(reads);
    expect(await stored(cloud.id)).toEqual({ access_token_encrypted: null, verified_at: null });
    expect(await stored(evolution.id)).toEqual({ access_token_encrypted: null, verified_at: null });
  });
});
