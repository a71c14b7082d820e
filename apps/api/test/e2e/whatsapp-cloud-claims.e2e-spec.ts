import { registerAccount, type Account } from '../support/fixtures';
import { WebhookFixture } from '../support/webhook-fixture';
import { cloudText } from '../support/whatsapp-payloads';

/**
 * Claims of a Cloud API phone_number_id by several organizations: anyone may claim any id; deliveries go to the only
 * claim, and to nobody while there are several.
 */
describe('WhatsApp Cloud API: phone_number_id claims', () => {
  const app = new WebhookFixture();
  let seq = 0;

  beforeAll(async () => {
    await app.boot();
  });

  afterAll(async () => {
    await app.close();
  });

  /** A phone_number_id no other test uses. */
  const newPhoneNumberId = () => `3100${process.pid}${String(++seq).padStart(3, '0')}`;

  const claim = async (account: Account, providerPhoneNumberId: string) =>
    (
      await app.http
        .post('/api/v1/whatsapp-instances')
        .set(account.bearer)
        .send({ name: 'Cloud', phoneNumber: '+55 11 94000-1234', provider: 'cloud_api', providerPhoneNumberId })
        .expect(201)
    ).body;

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

  it('gives the deliveries to the only claim; a second claim answers 201 like any create, then nobody gets them', async () => {
    const id = newPhoneNumberId();
    const squatter = await registerAccount(app.t, 'Primeira a registrar');
    const owner = await registerAccount(app.t, 'Dona do número');
    const first = await claim(squatter, id);
    await deliver(id, `wamid.${id}.1`);
    expect(await messageIds(squatter)).toEqual([`wamid.${id}.1`]);

    const second = await app.http
      .post('/api/v1/whatsapp-instances')
      .set(owner.bearer)
      .send({ name: 'Cloud', phoneNumber: '+55 11 94000-1234', provider: 'cloud_api', providerPhoneNumberId: id });
    expect(second.status).toBe(201);
    expect(Object.keys(second.body).sort()).toEqual(Object.keys(first).sort());
    expect(second.body).toMatchObject({ providerPhoneNumberId: id });

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
});
