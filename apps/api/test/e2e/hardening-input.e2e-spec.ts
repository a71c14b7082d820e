import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { ERROR_BODY, registerAccount, uniquePhone, type Account } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

/** Raw HTTP, for what supertest would normalize away (huge URLs, compressed bodies). */
function raw(
  t: TestApp,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer,
): Promise<{ status: number; type: string; body: string }> {
  const server = t.app.getHttpServer();
  if (!server.listening) server.listen(0);
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body: text }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('hostile input never gets a 500, and always gets the documented error body', () => {
  let t: TestApp;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp({ WHATSAPP_VERIFY_TOKEN: 'verify-me' });
    owner = await registerAccount(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('refuses NUL characters in bodies, queries and paths with a 400 naming the field', async () => {
    const body = await t.http
      .post('/api/v1/stages')
      .set(owner.bearer)
      .send({ name: 'a\u0000b', color: '#112233' })
      .expect(400);
    expect(body.body).toEqual({
      ...ERROR_BODY,
      statusCode: 400,
      code: 'invalid_input',
      details: [{ field: 'name', code: 'invalid_characters', message: expect.stringContaining('NUL') }],
    });
    const nested = await t.http
      .post('/api/v1/tickets')
      .set(owner.bearer)
      .send({ lead: { name: 'x\u0000', phone: uniquePhone() } })
      .expect(400);
    expect(nested.body.details[0]).toMatchObject({ field: 'lead.name', code: 'invalid_characters' });
    const query = await t.http.get('/api/v1/tickets?q=ab%00c').set(owner.bearer).expect(400);
    expect(query.body.details[0]).toMatchObject({ field: 'q', code: 'invalid_characters' });
    await t.http.get('/api/v1/leads?q=%00').set(owner.bearer).expect(400);
    const path = await t.http.get('/t/ab%00cd').expect(400);
    expect(path.body).toMatchObject({ ...ERROR_BODY, code: 'invalid_input' });
  });

  it('refuses a lone UTF-16 surrogate (in an e-mail too) with a 400, not a validator crash', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":"ana\\ud800@example.com","password":"12345678"}')
      .expect(400);
    expect(res.body.details[0]).toMatchObject({ field: 'email', code: 'invalid_characters' });
    await t.http
      .post('/api/v1/auth/register')
      .set('Content-Type', 'application/json')
      .send('{"organizationName":"x","name":"y","email":"\\udc00@x.com","password":"12345678"}')
      .expect(400);
  });

  it('refuses JSON nested 30,000 levels deep with a 400, on public routes too', async () => {
    const deep = '['.repeat(30_000) + ']'.repeat(30_000);
    for (const path of ['/api/v1/auth/login', '/api/v1/stages', '/api/v1/webhooks/whatsapp/cloud']) {
      const res = await t.http.post(path).set(owner.bearer).set('Content-Type', 'application/json').send(deep);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ ...ERROR_BODY, code: 'json_too_deep' });
    }
    const fine = `{"a":${'['.repeat(40)}1${']'.repeat(40)}}`;
    await t.http
      .post('/api/v1/stages')
      .set(owner.bearer)
      .set('Content-Type', 'application/json')
      .send(fine)
      .expect(400);
  });

  it('answers a body that is not what its Content-Encoding says with a 400, and real gzip normally', async () => {
    const plain = await t.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send('{"email":"a@b.com","password":"12345678"}');
    expect(plain.status).toBe(400);
    expect(plain.body).toMatchObject({ ...ERROR_BODY, code: 'invalid_encoding' });
    const gzipped = await raw(
      t,
      'POST',
      '/api/v1/auth/login',
      { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      gzipSync(JSON.stringify({ email: owner.email, password: owner.password })),
    );
    expect(gzipped.status).toBe(200);
    const unknown = await t.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'zstd-ish')
      .send('{}');
    expect(unknown.status).toBe(415);
    expect(unknown.body).toMatchObject({ ...ERROR_BODY, code: 'unsupported_encoding' });
  });

  it('answers a URL over 16 KB with a 431 in the documented body instead of an empty one', async () => {
    const res = await raw(t, 'GET', `/api/v1/tickets?q=${'a'.repeat(17_000)}`);
    expect(res.status).toBe(431);
    expect(res.type).toContain('application/json');
    expect(JSON.parse(res.body)).toMatchObject({ ...ERROR_BODY, statusCode: 431, code: 'headers_too_large' });
    // A HEAD answer carries no body, or the client would read it as the start of a next response.
    const head = await raw(t, 'HEAD', `/api/v1/tickets?q=${'a'.repeat(17_000)}`);
    expect(head).toMatchObject({ status: 431, body: '' });
  });

  it('answers a refused webhook handshake as JSON, and only the challenge as plain text', async () => {
    const refused = await t.http
      .get('/api/v1/webhooks/whatsapp/cloud')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong', 'hub.challenge': '42' })
      .expect(403);
    expect(refused.headers['content-type']).toContain('application/json');
    expect(refused.body).toMatchObject({ ...ERROR_BODY, statusCode: 403 });
    const ok = await t.http
      .get('/api/v1/webhooks/whatsapp/cloud')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '42' })
      .expect(200);
    expect(ok.headers['content-type']).toContain('text/plain');
    expect(ok.text).toBe('42');
  });
});
