import { PasswordHasher } from '../../src/modules/users/password-hasher';
import { type DemoSeedSummary, seedDemoOrganization } from '../../src/scripts/seed/seed-demo-organization';
import { checkCounters } from '../../src/scripts/seed/sql';
import { createTestApp, type TestApp } from '../support/test-app';

type Item = Record<string, any>;

const SEED = 20250101;
const LEADS = 40;
const NOW = new Date('2025-06-01T15:00:00Z');
const PASSWORD = 'demo-senha-123';

/** The demo seed (`npm run seed:demo`) on a migrated database: the data it writes holds together and the API serves it. */
describe('seed:demo (seedDemoOrganization)', () => {
  let t: TestApp;
  let first: DemoSeedSummary;
  let second: DemoSeedSummary;

  const rows = (sql: string, params: unknown[]): Promise<Item[]> => t.dataSource.query(sql, params);
  const count = async (sql: string, params: unknown[]): Promise<number> => Number((await rows(sql, params))[0].n);
  const seedOnce = (passwordHash: string, runTag: string) =>
    t.dataSource.transaction((m) =>
      seedDemoOrganization(m, { seed: SEED, now: NOW, runTag, passwordHash, leadCount: LEADS }),
    );
  const login = async (email: string): Promise<{ Authorization: string }> => {
    const res = await t.http.post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
    return { Authorization: `Bearer ${(res.body as { accessToken: string }).accessToken}` };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const passwordHash = await new PasswordHasher().hash(PASSWORD);
    first = await seedOnce(passwordHash, 'e2e-a');
    // Same PRNG seed: the same leads (phones, emails) again, in a second organization.
    second = await seedOnce(passwordHash, 'e2e-b');
  });

  afterAll(async () => {
    await t.close();
  });

  it('writes what its summary reports, with exact ticket counters', async () => {
    const org = first.organizationId;
    expect(first.counts).toMatchObject({ leads: LEADS, users: 4, instances: 2, stages: 4 });
    // Returning leads have a second ticket.
    expect(first.counts.tickets).toBeGreaterThan(LEADS);
    expect(first.counts.tickets).toBeLessThan(2 * LEADS);
    expect(await count('SELECT count(*)::int AS n FROM leads WHERE organization_id = $1', [org])).toBe(LEADS);

    const check = await checkCounters(t.dataSource.manager, org);
    expect(check).toMatchObject({
      tickets: first.counts.tickets,
      messages: first.counts.messages,
      sales: first.counts.sales,
      mismatched: 0,
      statusMismatched: 0,
    });
    expect(first.counts.sales).toBeGreaterThan(0);
    // Every ticket has its conversation's messages (the first one at its creation).
    expect(
      await count('SELECT count(*)::int AS n FROM tickets WHERE organization_id = $1 AND messages_count = 0', [org]),
    ).toBe(0);
  });

  it('gives every ticket exactly one tracking row', async () => {
    const org = first.organizationId;
    expect(
      await count(
        `SELECT count(*)::int AS n FROM tickets t
         WHERE t.organization_id = $1
           AND (SELECT count(*) FROM ticket_trackings tr WHERE tr.organization_id = $1 AND tr.ticket_id = t.id) <> 1`,
        [org],
      ),
    ).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM ticket_trackings WHERE organization_id = $1', [org])).toBe(
      first.counts.tickets,
    );
  });

  it('attributes no ad platform to organic, social and email visits', async () => {
    const unpaid = await rows(
      `SELECT tr.utm_medium, tr.ad_platform_id, t.source_type,
              (SELECT count(*)::int FROM ticket_tracking_identifiers i
               WHERE i.organization_id = $1 AND i.tracking_id = tr.id) AS click_ids
       FROM ticket_trackings tr JOIN tickets t ON t.organization_id = tr.organization_id AND t.id = tr.ticket_id
       WHERE tr.organization_id = $1 AND tr.utm_medium IN ('organic', 'social', 'email')`,
      [first.organizationId],
    );
    expect(new Set(unpaid.map((r) => r.utm_medium)).size).toBeGreaterThanOrEqual(2);
    for (const row of unpaid) {
      expect({
        medium: row.utm_medium,
        platform: row.ad_platform_id,
        source: row.source_type,
        clicks: row.click_ids,
      }).toEqual({ medium: row.utm_medium, platform: null, source: 'organic', clicks: 0 });
    }
  });

  it('marks tickets with a click id as paid, on the platform of that click id', async () => {
    const clicked = await rows(
      `SELECT t.source_type, p.key AS platform, it.key AS click_id, ip.key AS click_platform
       FROM tickets t
       JOIN ticket_trackings tr ON tr.organization_id = t.organization_id AND tr.ticket_id = t.id
       JOIN ticket_tracking_identifiers i ON i.organization_id = tr.organization_id AND i.tracking_id = tr.id
       JOIN tracking_identifier_types it ON it.id = i.identifier_type_id
       JOIN ad_platforms ip ON ip.id = it.ad_platform_id
       LEFT JOIN ad_platforms p ON p.id = tr.ad_platform_id
       WHERE t.organization_id = $1`,
      [first.organizationId],
    );
    expect(clicked.length).toBeGreaterThan(LEADS / 4);
    expect(new Set(clicked.map((r) => r.platform)).size).toBeGreaterThanOrEqual(2);
    for (const row of clicked) {
      expect({ clickId: row.click_id, source: row.source_type, platform: row.platform }).toEqual({
        clickId: row.click_id,
        source: 'paid',
        platform: row.click_platform,
      });
    }
  });

  it('closes the tickets of closed stages only, and sells only on closed tickets', async () => {
    const org = first.organizationId;
    const tickets = await rows(
      `SELECT t.status, t.closed_at IS NOT NULL AS has_closed_at, st.is_closed
       FROM tickets t JOIN ticket_stages st ON st.organization_id = t.organization_id AND st.id = t.stage_id
       WHERE t.organization_id = $1`,
      [org],
    );
    const closed = tickets.filter((r) => r.status === 'closed');
    const open = tickets.filter((r) => r.status === 'open');
    expect(closed.length).toBeGreaterThan(0);
    expect(open.length).toBeGreaterThan(0);
    expect(closed.length + open.length).toBe(tickets.length);
    expect(closed.every((r) => r.has_closed_at === true && r.is_closed === true)).toBe(true);
    expect(open.every((r) => r.has_closed_at === false && r.is_closed === false)).toBe(true);

    const sales = await rows(
      `SELECT s.id, t.status, s.sold_at >= t.closed_at AS after_close, s.sold_at <= $2::timestamptz AS before_now
       FROM sales s JOIN tickets t ON t.organization_id = s.organization_id AND t.id = s.ticket_id
       WHERE s.organization_id = $1`,
      [org, NOW.toISOString()],
    );
    expect(sales).toHaveLength(first.counts.sales);
    for (const sale of sales) {
      expect(sale).toEqual({ id: sale.id, status: 'closed', after_close: true, before_now: true });
    }
    // A won deal is paid in full: one payment, or a down payment and the balance.
    expect(
      await count(
        'SELECT count(*)::int AS n FROM tickets WHERE organization_id = $1 AND sales_count > 0 AND sales_total <> deal_value',
        [org],
      ),
    ).toBe(0);
  });

  it('lets the owner sign in with the seed password and list every seeded ticket', async () => {
    const bearer = await login(first.ownerEmail);
    const me = await t.http.get('/api/v1/auth/me').set(bearer).expect(200);
    expect(me.body).toMatchObject({
      user: { email: first.ownerEmail, role: 'owner' },
      organization: { id: first.organizationId, name: first.organizationName },
    });
    const list = await t.http.get('/api/v1/tickets').set(bearer).expect(200);
    expect((list.body as Item).total).toBe(first.counts.tickets);
    const agent = await login(first.agentEmails[0]);
    await t.http.get('/api/v1/tickets').set(agent).expect(200);
  });

  it('creates an independent organization on every run', async () => {
    expect(second.organizationId).not.toBe(first.organizationId);
    expect(second.counts).toEqual(first.counts);
    const emails = [first.ownerEmail, ...first.agentEmails, second.ownerEmail, ...second.agentEmails];
    expect(new Set(emails).size).toBe(emails.length);

    // The same seed draws the same phones: unique within each organization, not across them.
    const shared = await count(
      `SELECT count(*)::int AS n FROM leads a JOIN leads b ON b.phone_key = a.phone_key
       WHERE a.organization_id = $1 AND b.organization_id = $2`,
      [first.organizationId, second.organizationId],
    );
    expect(shared).toBe(LEADS);
    for (const org of [first.organizationId, second.organizationId]) {
      expect(
        await count(
          `SELECT count(*)::int AS n FROM whatsapp_instances
           WHERE organization_id = $1 AND webhook_token ~ '^[0-9a-f]{48}$'`,
          [org],
        ),
      ).toBe(2);
    }

    const bearer = await login(second.ownerEmail);
    const me = await t.http.get('/api/v1/auth/me').set(bearer).expect(200);
    expect((me.body as Item).organization.id).toBe(second.organizationId);
    const list = await t.http.get('/api/v1/tickets').set(bearer).expect(200);
    expect((list.body as Item).total).toBe(second.counts.tickets);
    expect(
      await count('SELECT count(*)::int AS n FROM leads WHERE organization_id = $1', [second.organizationId]),
    ).toBe(LEADS);
    expect(await checkCounters(t.dataSource.manager, second.organizationId)).toMatchObject({
      tickets: second.counts.tickets,
      mismatched: 0,
      statusMismatched: 0,
    });
  });
});
