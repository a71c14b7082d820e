import { TicketRollupsCompactor } from '../../src/modules/ticket-rollups/ticket-rollups.compactor';
import { addUser, createInstance, listStages, registerAccount, type Account } from '../support/fixtures';
import { reachCellsBoth, recountCells, storedCells, type SqlExecutor } from '../support/rollup-recount';
import { compactRollups, expectRollupsExact, rollupWrites } from '../support/rollup-writes';
import { useWebhookFixture } from '../support/webhook-fixture';
import { cloudReferral, cloudText } from '../support/whatsapp-payloads';

/**
 * ticket_rollups + ticket_rollup_deltas must equal a recount of tickets and sales, per organization and cell, at day
 * and month grain, whatever mix of writers ran concurrently (PGlite has one connection: there they run serialized).
 */
describe('Ticket rollups', () => {
  // Compactions are the tests' own (the compactor's timer off), so what a test finds folded is what it folded.
  const app = useWebhookFixture({ ROLLUP_COMPACT_INTERVAL_MS: '0' });
  const sql: SqlExecutor = (q, p) => app.sql(q, p);
  let seq = 0;
  const next = () => (seq += 1);

  const expectInvariant = (organizationId: string) => expectRollupsExact(sql, organizationId);
  const deltaCount = async (org: string) =>
    (
      await sql(
        `SELECT (SELECT count(*) FROM ticket_rollup_deltas WHERE organization_id = $1)::int
          + (SELECT count(*) FROM ticket_reach_deltas WHERE organization_id = $1)::int AS n`,
        [org],
      )
    )[0].n;
  const compact = (org: string) => compactRollups(sql, org);
  const api = (a: Account) => rollupWrites(app, a);
  const waId = (n: number) => `5521977${String(n).padStart(6, '0')}`;
  const text = (lead: number, timestamp = 1767269000 + next()) =>
    app.postCloud(cloudText({ id: `wamid.RU${next()}`, text: 'Oi', waId: waId(lead), timestamp })).expect(200);
  const referral = (lead: number, timestamp = 1767269000 + next()) =>
    app
      .postCloud(cloudReferral({ id: `wamid.RU${next()}`, text: 'Vi o anúncio', waId: waId(lead), timestamp }))
      .expect(200);

  it('equals the recount after 50 concurrent writers of every kind, before and after compactions', async () => {
    const owner = app.owner;
    const [novo, andamento] = await listStages(app.t, owner);
    const closed = (await listStages(app.t, owner)).find((s) => s.isClosed)!;
    const agent = await addUser(app.t, owner, 'agent');
    const other = await registerAccount(app.t, 'Outra Loja');
    await createInstance(app.t, other);
    const otherClosed = (await listStages(app.t, other)).find((s) => s.isClosed)!;
    const [a, b] = [api(owner), api(other)];
    const google = (i: number) => ({
      utmSource: 'google',
      utmMedium: i % 2 ? 'cpc' : undefined,
      utmCampaign: `c${i % 3}`,
    });

    // Seed: tracked and plain tickets, sales on some, and three leads that opened their ticket by WhatsApp.
    const tracked: string[] = [];
    const plain: string[] = [];
    for (let i = 0; i < 6; i++) tracked.push(await a.create({ ...google(i), gclid: `G${i}`, dealValue: 100 * i }));
    for (let i = 0; i < 4; i++)
      plain.push(await a.create({ dealValue: 50, assigneeId: i % 2 ? agent.userId : undefined }));
    const sales = [
      await a.sell(tracked[0]!, 10.5, '2026-01-31T23:30:00-03:00'),
      await a.sell(tracked[1]!, 20, '2026-02-01T00:30:00-03:00'),
      await a.sell(plain[0]!, 30.25),
    ];
    const leads = [next(), next(), next()];
    for (const lead of leads) await text(lead, 1767268900);
    const foreign = await b.create({ ...google(1), gclid: 'X', dealValue: 70 });
    await app.drain();

    /** About 50 writes at once: creates, stage/assignee/deal changes, sales and their deletion, webhooks. */
    const writes = (round: number): Promise<unknown>[] => {
      const all = [...tracked, ...plain];
      const sold = sales.splice(0, 2);
      return [
        ...[0, 1, 2, 3, 4].map((i) => a.create({ ...google(i + round), fbclid: `F${round}${i}`, dealValue: 10 * i })),
        a.create({ stageId: closed.id, assigneeId: agent.userId, dealValue: 999.99 }),
        a.create({ utmSource: 'facebook', utmCampaign: 'ctwa', ctwaclid: `W${round}`, stageId: andamento!.id }),
        ...[0, 1, 2].map(() => a.create({ dealValue: 5 })),
        ...all.map((id, i) =>
          a.patch(id, [{ stageId: andamento!.id }, { stageId: closed.id }, { assigneeId: agent.userId }][i % 3]!),
        ),
        // Same tickets again: a second writer of the same row, and sales racing the stage changes above.
        ...tracked.slice(0, 3).map((id, i) => a.patch(id, { dealValue: 1000 + round * 10 + i, assigneeId: null })),
        a.patch(plain[1]!, { stageId: round % 2 ? novo!.id : closed.id }),
        ...all.slice(0, 8).map(async (id, i) => {
          const soldAt = ['2026-02-28T23:50:00-03:00', '2026-03-01T00:10:00-03:00', undefined][i % 3];
          sales.push(await a.sell(id, (11 * (i + 1)) / 10, soldAt));
        }),
        ...sold.map((id) => a.unsell(id)),
        ...[0, 1].map(() => text(next())),
        ...[0, 1].map(() => referral(next())),
        ...leads.map((lead) => text(lead)),
        // Sent before the lead's first message: re-attributes that organic ticket to the ad (tracking replaced).
        app
          .postCloud(
            cloudReferral({
              id: `wamid.RU${next()}`,
              text: 'Anúncio',
              waId: waId(leads[round]!),
              timestamp: 1767268000,
            }),
          )
          .expect(200),
        app.drain(),
        ...[0, 1, 2].map((i) => b.create({ ...google(i), gclid: `Y${round}${i}`, dealValue: 3 })),
        b.sell(foreign, 7.77),
        b.patch(foreign, { stageId: otherClosed.id, dealValue: 71 + round }),
      ];
    };

    const round1 = writes(0);
    expect(round1.length).toBeGreaterThanOrEqual(45);
    await Promise.all(round1);
    await app.drain();
    const events = await sql(
      'SELECT status, count(*)::int AS n FROM webhook_events WHERE organization_id = $1 GROUP BY status',
      [owner.organizationId],
    );
    // 3 seed messages and 8 of the round, all processed (none failed or left pending).
    expect(events).toEqual([{ status: 'processed', n: 11 }]);
    const [reattributed] = await sql(
      `SELECT t.source_type, tr.ad_id FROM tickets t JOIN leads l ON l.id = t.lead_id
       LEFT JOIN ticket_trackings tr ON tr.ticket_id = t.id WHERE l.organization_id = $1 AND l.phone = $2`,
      [owner.organizationId, `+${waId(leads[0]!)}`],
    );
    expect(reattributed).toEqual({ source_type: 'paid', ad_id: '120212345678900000' });

    const cells = await recountCells(sql, owner.organizationId, 'day');
    // The writes reached every dimension the cells have, so the comparisons below compare something.
    expect(cells.some((c) => c.utm_source === 'google' && c.utm_medium === 'cpc')).toBe(true);
    expect(cells.some((c) => c.ad_platform_id !== null && c.utm_medium === null)).toBe(true);
    expect(cells.some((c) => c.status === 'closed' && c.has_sales === 'true' && c.assignee_id === agent.userId)).toBe(
      true,
    );
    expect(new Set(cells.map((c) => c.day.slice(0, 7))).size).toBeGreaterThanOrEqual(2);
    // Some tickets reached more stages than the one they are in, so the reach comparison compares something.
    const tickets = (rows: { tickets: string }[]) => rows.reduce((n, r) => n + Number(r.tickets), 0);
    expect(tickets((await reachCellsBoth(sql, owner.organizationId, 'day')).recount)).toBeGreaterThan(tickets(cells));

    for (const org of [owner.organizationId, other.organizationId]) await expectInvariant(org);
    expect(await compact(owner.organizationId)).toBeGreaterThan(0);
    expect(await deltaCount(owner.organizationId)).toBe(0);
    // Compacting one organization leaves the other's deltas pending, and both still add up.
    expect(await deltaCount(other.organizationId)).toBeGreaterThan(0);
    for (const org of [owner.organizationId, other.organizationId]) await expectInvariant(org);

    // Round 2 with compactions of both organizations running alongside (separate pool connections on PostgreSQL).
    await Promise.all([
      ...writes(1),
      ...[0, 1, 2].map(() => compact(owner.organizationId)),
      compact(other.organizationId),
    ]);
    await app.drain();
    for (const org of [owner.organizationId, other.organizationId]) await expectInvariant(org);
    await compact(owner.organizationId);
    expect(await deltaCount(owner.organizationId)).toBe(0);
    await expectInvariant(owner.organizationId);
  });
  it('follows a time-zone change: cells move to the local days and months of the new zone', async () => {
    const org = app.owner.organizationId;
    const a = api(app.owner);
    const zone = (timezone: string) =>
      app.http.patch('/api/v1/organizations/current').set(app.owner.bearer).send({ timezone }).expect(200);
    const days = async (grain: 'day' | 'month') => [...new Set((await storedCells(sql, org, grain)).map((c) => c.day))];
    // Instants near midnight in São Paulo (UTC-3) or Tokyo (UTC+9), so that the two zones file them on other days.
    const instants = ['2026-03-10T02:30:00Z', '2026-03-10T14:30:00Z', '2026-03-10T15:30:00Z', '2026-03-31T16:00:00Z'];
    const ids: string[] = [];
    for (const [i, at] of instants.entries()) {
      ids.push(await a.create(i % 2 ? { utmSource: 'google', utmCampaign: 'tz', dealValue: 10 } : { dealValue: 20 }));
      // Written directly: the tickets trigger moves the ticket from today to that instant's day.
      await sql('UPDATE tickets SET created_at = $2 WHERE id = $1', [ids[i], at]);
    }
    await a.sell(ids[0]!, 100, '2026-03-31T14:59:00Z');
    await a.sell(ids[1]!, 50, '2026-03-31T15:01:00Z');
    expect(await compact(org)).toBeGreaterThan(0);
    await a.sell(ids[2]!, 25, '2026-04-30T20:00:00Z'); // left as a delta
    await expectInvariant(org);
    expect(await days('day')).toEqual(['2026-03-09', '2026-03-10', '2026-03-31', '2026-04-30']);

    await zone('Asia/Tokyo');
    // The rebuild folded everything into cells of the new zone.
    expect(await deltaCount(org)).toBe(0);
    await expectInvariant(org);
    expect(await days('day')).toEqual(['2026-03-10', '2026-03-11', '2026-03-31', '2026-04-01', '2026-05-01']);
    expect(await days('month')).toEqual(['2026-03-01', '2026-04-01', '2026-05-01']);

    // A change of zone while writers and a compaction run: each writer files under the zone it finds after the change.
    await Promise.all([
      zone('America/Manaus'),
      a.sell(ids[3]!, 5, '2026-04-01T03:30:00Z'),
      a.patch(ids[1]!, { dealValue: 11 }),
      a.create({ utmSource: 'google', utmCampaign: 'tz' }),
      compact(org),
    ]);
    await expectInvariant(org);
  });

  it('adds no delta for a message that only moves counters, unread state or preview', async () => {
    const org = app.owner.organizationId;
    const lead = next();
    await text(lead, 1767268900);
    await app.drain();
    const [ticket] = await app.tickets();
    const before = await deltaCount(org);
    expect(before).toBeGreaterThan(0);
    await text(lead);
    await app.drain();
    await app.http.post(`/api/v1/tickets/${ticket.id}/read`).set(app.owner.bearer).expect(204);
    expect((await app.detail(ticket.id)).messagesCount).toBe(2);
    expect(await deltaCount(org)).toBe(before);
    // The count can move: a change of a measure takes the ticket out of its cell and back in (two deltas).
    await api(app.owner).patch(ticket.id, { dealValue: 12 });
    expect(await deltaCount(org)).toBe(before + 2);
    await expectInvariant(org);
  });
  it('moves a re-attributed ticket out of its old tracking cell (one statement rewrites ticket and tracking)', async () => {
    const org = app.owner.organizationId;
    const link = (
      await app.http
        .post('/api/v1/tracking-links')
        .set(app.owner.bearer)
        .send({ instanceId: app.cloud.id, name: 'Email', message: 'Oi' })
        .expect(201)
    ).body as { slug: string };
    const click = await app.http.get(`/t/${link.slug}`).query({ utm_medium: 'email' }).expect(302);
    const ref = new URL(click.headers.location as string).searchParams.get('text')!;
    const lead = next();
    await app.postCloud(cloudText({ id: `wamid.RA${lead}`, waId: waId(lead), text: ref, timestamp: 1767268900 }));
    await app.drain();
    // The referral was sent first but arrives second: the organic ticket becomes the ad's.
    await referral(lead, 1767268000);
    await app.drain();
    const rows = await sql(
      `SELECT t.source_type, tr.utm_medium FROM tickets t
       JOIN ticket_trackings tr ON tr.organization_id = t.organization_id AND tr.ticket_id = t.id
       JOIN leads l ON l.organization_id = t.organization_id AND l.id = t.lead_id
       WHERE t.organization_id = $1 AND l.phone LIKE $2`,
      [org, `%${waId(lead)}`],
    );
    expect(rows).toEqual([{ source_type: 'paid', utm_medium: null }]);
    await expectInvariant(org);
  });

  it("folds every organization's deltas with the compactor's round", async () => {
    const other = await registerAccount(app.t, 'Loja Compacta');
    await createInstance(app.t, other);
    await api(app.owner).create({ utmSource: 'google', gclid: 'G1', dealValue: 5 });
    await api(other).create({ dealValue: 7 });
    expect(await deltaCount(app.owner.organizationId)).toBeGreaterThan(0);
    expect(await app.t.app.get(TicketRollupsCompactor).compactAll()).toBeGreaterThan(0);
    const [left] = await sql(
      `SELECT (SELECT count(*) FROM ticket_rollup_deltas)::int + (SELECT count(*) FROM ticket_queue_deltas)::int
        + (SELECT count(*) FROM ticket_reach_deltas)::int AS n`,
    );
    expect(left.n).toBe(0);
    await expectInvariant(app.owner.organizationId);
    await expectInvariant(other.organizationId);
  });

  it('follows statements that move a whole stage: closing it, deleting it with its tickets moved', async () => {
    const org = app.owner.organizationId;
    const a = api(app.owner);
    const stage = (
      await app.http
        .post('/api/v1/stages')
        .set(app.owner.bearer)
        .send({ name: 'Proposta', color: '#123456' })
        .expect(201)
    ).body as { id: string };
    const [first] = await listStages(app.t, app.owner);
    const ids = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        a.create({ stageId: stage.id, dealValue: i, ...(i % 2 ? { utmSource: 'x' } : {}) }),
      ),
    );
    await a.sell(ids[0]!, 10);
    await compact(org);
    // One UPDATE of every ticket of the stage (status), then one moving them all (stage): both statement-level.
    await app.http.patch(`/api/v1/stages/${stage.id}`).set(app.owner.bearer).send({ isClosed: true }).expect(200);
    expect((await api(app.owner).list({ stageId: stage.id, status: 'closed' })).total).toBe(30);
    await expectInvariant(org);
    await app.http.delete(`/api/v1/stages/${stage.id}`).query({ moveTo: first!.id }).set(app.owner.bearer).expect(204);
    await expectInvariant(org);
    await compact(org);
    await expectInvariant(org);
  });

  it('counts a stage reached through an event written apart from its ticket, and ignores one naming no stage', async () => {
    const org = app.owner.organizationId;
    const [first, second] = await listStages(app.t, app.owner);
    const id = await api(app.owner).create({ stageId: first!.id });
    await compact(org);
    const funnel = async () =>
      (
        (await app.http.get('/api/v1/reports/funnel').set(app.owner.bearer).expect(200)).body as {
          stages: { stageId: string; reached: number }[];
        }
      ).stages.find((s) => s.stageId === second!.id)!.reached;
    const before = await funnel();
    for (const after of [{ stageId: second!.id }, { stageId: 'não-é-um-id' }, { stageId: 42 }]) {
      await sql(
        `INSERT INTO ticket_events (organization_id, ticket_id, type, actor_type, actor_name, after)
         VALUES ($1, $2, 'stage_changed', 'system', 'importação', $3)`,
        [org, id, JSON.stringify(after)],
      );
    }
    // A write through the API drops the read cache (the inserts above went around it); a deal value moves no reach.
    await api(app.owner).patch(id, { dealValue: 3 });
    expect(await funnel()).toBe(before + 1);
    await expectInvariant(org);
  });

  it('follows a tracking written apart from its ticket: added, changed, moved to another ticket, removed', async () => {
    const org = app.owner.organizationId;
    const [a, b] = [await api(app.owner).create(), await api(app.owner).create({ utmSource: 'google' })];
    await api(app.owner).sell(a, 120);
    const steps: [string, unknown[]][] = [
      ['DELETE FROM ticket_trackings WHERE organization_id = $1 AND ticket_id = $2', [org, a]],
      [
        `INSERT INTO ticket_trackings (organization_id, ticket_id, utm_source, utm_medium, utm_campaign)
         VALUES ($1, $2, 'meta', 'paid', 'importada')`,
        [org, a],
      ],
      // The same values again (the check finds the part current) and then others.
      ["UPDATE ticket_trackings SET utm_term = 'x' WHERE organization_id = $1 AND ticket_id = $2", [org, a]],
      ["UPDATE ticket_trackings SET utm_campaign = 'outra' WHERE organization_id = $1 AND ticket_id = $2", [org, a]],
      ['DELETE FROM ticket_trackings WHERE organization_id = $1 AND ticket_id = $2', [org, b]],
      ['UPDATE ticket_trackings SET ticket_id = $3 WHERE organization_id = $1 AND ticket_id = $2', [org, a, b]],
    ];
    for (const [statement, params] of steps) {
      await sql(statement, params);
      await expectInvariant(org);
    }
  });

  it('lets an organization with tickets, trackings and sales be deleted, its rollups going with it', async () => {
    // No route deletes an organization yet, but every table cascades from it: the triggers must not stand in the way.
    const doomed = await registerAccount(app.t, 'Loja Encerrada');
    await createInstance(app.t, doomed);
    const a = api(doomed);
    const id = await a.create({ utmSource: 'google', gclid: 'G', dealValue: 10 });
    await a.sell(id, 5);
    await compact(doomed.organizationId);
    await a.sell(id, 6);
    await sql('DELETE FROM organizations WHERE id = $1', [doomed.organizationId]);
    const left = await sql(
      `SELECT (SELECT count(*)::int FROM ticket_rollups WHERE organization_id = $1)
          + (SELECT count(*)::int FROM ticket_reach_rollups WHERE organization_id = $1) AS cells,
        (SELECT count(*)::int FROM ticket_rollup_deltas WHERE organization_id = $1)
          + (SELECT count(*)::int FROM ticket_reach_deltas WHERE organization_id = $1) AS deltas`,
      [doomed.organizationId],
    );
    expect(left).toEqual([{ cells: 0, deltas: 0 }]);
  });
});
