import { registerAccount, uniqueEmail, type Account } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

const login = (t: TestApp, email: string, password: string, forwardedFor?: string) => {
  const req = t.http.post('/api/v1/auth/login');
  if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
  return req.send({ email, password });
};

/** Password guessing is limited per e-mail address, shared through the database, whatever address guesses. */
describe('sign-in limits per account', () => {
  let t: TestApp;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_FAILURES_BEFORE_LOCK: '5', LOGIN_LOCK_SECONDS: '2' });
  });

  beforeEach(async () => {
    owner = await registerAccount(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('locks the account after five wrong passwords, from any client address, and the right one waits too', async () => {
    for (let i = 0; i < 5; i++) {
      await login(t, owner.email, `errada-${i}`, `203.0.113.${i}`).expect(401);
    }
    const locked = await login(t, owner.email, owner.password, '198.51.100.7').expect(429);
    expect(locked.body).toMatchObject({ statusCode: 429, code: 'login_locked' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await login(t, owner.email, owner.password).expect(200);
    // A success forgets the failures: five more tries before the next lock.
    for (let i = 0; i < 4; i++) await login(t, owner.email, 'errada').expect(401);
    await login(t, owner.email, owner.password).expect(200);
  });

  it('counts parallel guesses before checking them, so a burst cannot slip past the lock', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => login(t, owner.email, `chute-${i}`)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
    await login(t, owner.email, owner.password).expect(429);
  });

  it('answers an unknown e-mail exactly like a known one: same failures, same lock', async () => {
    const stranger = uniqueEmail('ninguem');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 6; i++) {
      known.push((await login(t, owner.email, 'errada')).status);
      unknown.push((await login(t, stranger, 'errada')).status);
    }
    expect(unknown).toEqual(known);
    expect(known).toEqual([401, 401, 401, 401, 401, 429]);
    const a = await login(t, owner.email, 'errada');
    const b = await login(t, stranger, 'errada');
    expect({ ...b.body, message: '' }).toEqual({ ...a.body, message: '' });
  });

  it('stores no e-mail address of strangers, only a digest', async () => {
    const stranger = uniqueEmail('curioso');
    await login(t, stranger, 'errada').expect(401);
    const rows = await t.dataSource.query(`SELECT * FROM login_attempts WHERE email_key::text LIKE '%curioso%'`);
    expect(rows).toEqual([]);
    expect(JSON.stringify(await t.dataSource.query('SELECT * FROM login_attempts'))).not.toContain(stranger);
  });
});

/** X-Forwarded-For is believed only from configured proxies; otherwise rotating it cannot buy more attempts. */
describe('client addresses behind proxies', () => {
  const budget = { AUTH_RATE_LIMIT_PER_MINUTE: '3', LOGIN_FAILURES_BEFORE_LOCK: '1000' };

  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    const t = await createTestApp(budget);
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await login(t, uniqueEmail(), 'x', `203.0.113.${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });

  it('tells clients apart by X-Forwarded-For when the request comes through a trusted proxy', async () => {
    const t = await createTestApp({ ...budget, TRUSTED_PROXIES: 'loopback' });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await login(t, uniqueEmail(), 'x', `203.0.113.${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
    } finally {
      await t.close();
    }
  });
});
