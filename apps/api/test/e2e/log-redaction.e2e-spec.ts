import { Writable } from 'node:stream';
import { createInstance, registerAccount } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

describe('secrets never reach the log', () => {
  const lines: string[] = [];
  let t: TestApp;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    t = await createTestApp(
      { LOG_LEVEL: 'info', WHATSAPP_VERIFY_TOKEN: 'verify-secret-xyz' },
      { logDestination: sink },
    );
  });

  afterAll(async () => {
    await t.close();
  });

  it('redacts credential headers and query parameters at the default level', async () => {
    const owner = await registerAccount(t);
    const instance = await createInstance(t, owner);
    const token = instance.webhookToken;
    const url = `/api/v1/webhooks/whatsapp/evolution/${instance.id}`;
    await t.http.post(`${url}?token=${token}`).send({ event: 'connection.update' }).expect(200);
    await t.http.post(url).set('apikey', token).send({ event: 'connection.update' }).expect(200);
    await t.http
      .get('/api/v1/webhooks/whatsapp/cloud')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-secret-xyz', 'hub.challenge': '1' })
      .expect(200);
    const key = (await t.http.post('/api/v1/api-keys').set(owner.bearer).send({ name: 'k' }).expect(201)).body.key;
    await t.http.get('/api/v1/stages').set('X-API-Key', key).expect(200);
    await t.http.post('/api/v1/auth/login').send({ email: owner.email, password: owner.password }).expect(200);
    const log = lines.join('');
    expect(log).toContain(instance.id); // the requests were logged...
    for (const secret of [token, key, owner.token, owner.password, 'verify-secret-xyz']) {
      expect(log).not.toContain(secret); // ...without their credentials
    }
    expect(log).toContain('[Redacted]');
  });
});
