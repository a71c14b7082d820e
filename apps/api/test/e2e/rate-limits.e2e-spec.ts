import { createTestApp, type TestApp } from '../support/test-app';

describe('rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_PER_MINUTE: '30' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('limits sign-in attempts per client and answers 429 in the documented body', async () => {
    for (let i = 0; i < 5; i++) {
      await t.http.post('/api/v1/auth/login').send({ email: 'x@example.com', password: 'wrong-pass' }).expect(401);
    }
    const res = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'x@example.com', password: 'wrong-pass' })
      .expect(429);
    expect(res.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'rate_limited',
      message: expect.stringContaining('Too many requests'),
    });
    expect(Number(res.headers['retry-after-sign-in'])).toBeGreaterThan(0);
  });

  it('limits the whole API per client but never the health check', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await t.http.get('/api/v1/stages')).status);
    // The budget of 30 is shared with the sign-in attempts above, so it runs out within these 31 calls.
    expect(statuses[0]).toBe(401);
    expect(statuses.at(-1)).toBe(429);
    await t.http.get('/api/v1/health').expect(200);
  });

  it('never limits provider webhooks, which arrive in bursts from few addresses', async () => {
    const res = await t.http.post('/api/v1/webhooks/whatsapp/cloud').send({ object: 'whatsapp_business_account' });
    expect(res.status).not.toBe(429);
  });
});
