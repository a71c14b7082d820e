import { createTestApp, type TestApp } from '../support/test-app';
import { registerAccount, type Account } from '../support/fixtures';

describe('input validation and error bodies', () => {
  let t: TestApp;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await registerAccount(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers malformed JSON with 400 and the documented error body', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.com", "password": ')
      .expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'malformed_json',
      message: 'Malformed JSON in request body',
    });
  });

  it('rejects unknown fields, naming them', async () => {
    const res = await t.http
      .post('/api/v1/stages')
      .set(owner.bearer)
      .send({ name: 'X', color: '#000000', admin: true })
      .expect(400);
    expect(res.body.code).toBe('invalid_input');
    expect(res.body.details).toEqual([
      { field: 'admin', code: 'unknown_field', message: 'property admin should not exist' },
    ]);
  });

  it('rejects wrong types, naming the field', async () => {
    const res = await t.http
      .post('/api/v1/stages')
      .set(owner.bearer)
      .send({ name: 42, color: 'blue', isClosed: 'yes' })
      .expect(400);
    const fields = [...new Set(res.body.details.map((d: { field: string }) => d.field))].sort();
    expect(fields).toEqual(['color', 'isClosed', 'name']);
    expect(res.body.message).toContain('color must be a hex color');
  });

  it('rejects bad uuids in paths and bodies, naming the parameter', async () => {
    const res = await t.http.get('/api/v1/stages/not-a-uuid').set(owner.bearer).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, message: 'id must be a UUID', details: [{ field: 'id' }] });
    const order = await t.http
      .put('/api/v1/stages/order')
      .set(owner.bearer)
      .send({ ids: ['nope'] })
      .expect(400);
    expect(order.body.details[0]).toMatchObject({ field: 'ids' });
    const del = await t.http
      .delete('/api/v1/stages/00000000-0000-4000-8000-000000000000?moveTo=zzz')
      .set(owner.bearer)
      .expect(400);
    expect(del.body.details[0]).toMatchObject({ field: 'moveTo' });
  });

  it('rejects an array or a scalar where an object is expected', async () => {
    await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('[1,2]').expect(400);
    await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('"x"').expect(400);
  });

  it('answers unknown routes with a 404 in the same body shape', async () => {
    const res = await t.http.get('/api/v1/nope').set(owner.bearer).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'route_not_found' });
  });

  it('never answers 500 for odd input', async () => {
    const bodies = [null, 0, '', {}, { name: null }, { name: 'x'.repeat(10_000), color: '#fff' }, { name: { $ne: 1 } }];
    for (const body of bodies) {
      const res = await t.http
        .post('/api/v1/stages')
        .set(owner.bearer)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body));
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
  });
});

describe('parse errors for a cross-origin SPA', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ CORS_ORIGINS: 'https://app.example.com' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers malformed JSON with the CORS headers, so the browser shows the error instead of a CORS failure', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('Origin', 'https://app.example.com')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(res.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(res.body.message).toBe('Malformed JSON in request body');
  });
});
