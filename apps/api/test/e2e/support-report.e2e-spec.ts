import { addUser, createInstance, createTicket, registerAccount, type Account } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

const T0 = Date.parse('2026-11-10T12:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

interface Stats {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

describe('GET /reports/support', () => {
  let t: TestApp;
  let owner: Account;
  let agent: Account;
  let lines: { id: string }[];
  let stages: { id: string; name: string; isClosed: boolean }[];

  beforeAll(async () => {
    t = await createTestApp();
    owner = await registerAccount(t);
    agent = await addUser(t, owner, 'agent');
    lines = [await createInstance(t, owner, '+55 11 93000-0001'), await createInstance(t, owner, '+55 11 93000-0002')];
    stages = (await t.http.get('/api/v1/stages').set(owner.bearer).expect(200)).body.items;
    const open = stages.filter((s) => !s.isClosed);
    const closed = stages.find((s) => s.isClosed)!;

    // Three tickets of the agent on line 1 answered after 60 s, 120 s and 600 s; one unanswered, unassigned ticket on
    // line 2. The first one moves on after 1,000 s, then closes 2,000 s later (resolution 3,000 s).
    const made: string[] = [];
    for (const [i, line] of [0, 0, 0, 1].entries()) {
      const ticket = await createTicket(t, owner, {
        lead: { phone: `+55 11 97000-000${i}` },
        instanceId: lines[line].id,
        ...(line === 0 ? { ticket: { assigneeId: agent.userId } } : {}),
      });
      made.push(ticket.id as string);
    }
    await t.http.patch(`/api/v1/tickets/${made[0]}`).set(owner.bearer).send({ stageId: open[1].id }).expect(200);
    await t.http.patch(`/api/v1/tickets/${made[0]}`).set(owner.bearer).send({ stageId: closed.id }).expect(200);
    const firstResponses = [60, 120, 600, null];
    for (const [i, id] of made.entries()) {
      const answered = firstResponses[i];
      await t.dataSource.query(
        `UPDATE tickets SET created_at = $2, first_response_at = $3, closed_at = $4 WHERE id = $1`,
        [id, at(0), answered === null ? null : at(answered), i === 0 ? at(3000) : null],
      );
      await t.dataSource.query(`UPDATE ticket_events SET created_at = $2 WHERE ticket_id = $1 AND type = 'created'`, [
        id,
        at(0),
      ]);
    }
    const moves: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM ticket_events WHERE ticket_id = $1 AND type = 'stage_changed' ORDER BY seq`,
      [made[0]],
    );
    for (const [i, move] of moves.entries()) {
      await t.dataSource.query(`UPDATE ticket_events SET created_at = $2 WHERE id = $1`, [
        move.id,
        at([1000, 3000][i]),
      ]);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  const support = async (query: Record<string, string> = {}, account = owner) =>
    (await t.http.get('/api/v1/reports/support').query(query).set(account.bearer).expect(200)).body;

  const stats = (count: number, medianSeconds: number | null, p90Seconds: number | null): Stats => ({
    count,
    medianSeconds,
    p90Seconds,
  });

  it('gives first response and resolution median and p90 per agent, unanswered tickets counted apart', async () => {
    const report = await support({ groupBy: 'agent' });
    expect(report.groupBy).toBe('agent');
    expect(report.total).toMatchObject({ key: 'all', tickets: 4 });
    // Median of 60/120/600 is 120; percentile_cont's p90 interpolates: 120 + 0.8 × (600 − 120) = 504.
    expect(report.total.firstResponse).toEqual(stats(3, 120, 504));
    expect(report.total.resolution).toEqual(stats(1, 3000, 3000));
    expect(report.rows).toEqual([
      {
        key: agent.userId,
        label: 'Agente agent',
        tickets: 3,
        firstResponse: stats(3, 120, 504),
        resolution: stats(1, 3000, 3000),
      },
      {
        key: '(none)',
        label: '(none)',
        tickets: 1,
        firstResponse: stats(0, null, null),
        resolution: stats(0, null, null),
      },
    ]);
  });

  it('groups by WhatsApp line and by creation day in the organization time zone', async () => {
    const byLine = await support({ groupBy: 'line' });
    expect(byLine.rows.map((r: { key: string; tickets: number }) => [r.key, r.tickets])).toEqual([
      [lines[0].id, 3],
      [lines[1].id, 1],
    ]);
    const byDay = await support({ groupBy: 'day' });
    // 12:00 UTC is 09:00 in São Paulo: the same calendar day.
    expect(byDay.rows).toEqual([expect.objectContaining({ key: '2026-11-10', label: '2026-11-10', tickets: 4 })]);
  });

  it('times each visit of a stage from the timeline, leaving out the rest in closed stages', async () => {
    const report = await support();
    const byName = new Map(report.stages.map((s: { name: string; time: Stats }) => [s.name, s.time]));
    const open = stages.filter((s) => !s.isClosed);
    // Every ticket entered the first stage; the first ticket left it after 1,000 s, the others are still there.
    expect((byName.get(open[0].name) as Stats).count).toBe(4);
    expect(byName.get(open[1].name)).toEqual(stats(1, 2000, 2000));
    expect(byName.get(stages.find((s) => s.isClosed)!.name)).toEqual(stats(0, null, null));
  });

  it('is the organization’s own, answers agents, and names a bad groupBy', async () => {
    const other = await registerAccount(t);
    expect((await support({}, other)).total.tickets).toBe(0);
    expect((await support({}, agent)).total.tickets).toBe(4);
    const bad = await t.http.get('/api/v1/reports/support?groupBy=stage').set(owner.bearer).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'groupBy', code: 'is_in' })]);
  });
});
