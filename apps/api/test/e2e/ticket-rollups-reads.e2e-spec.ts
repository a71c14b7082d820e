import { createInstance, listStages, registerAccount } from '../support/fixtures';
import type { SqlExecutor } from '../support/rollup-recount';
import { compactRollups, rollupWrites } from '../support/rollup-writes';
import { useWebhookFixture } from '../support/webhook-fixture';

/** What listings and reports read from the rollups equals a count of the tickets and sales, whatever grain it reads. */
describe('Ticket rollup reads', () => {
  const app = useWebhookFixture({ ROLLUP_COMPACT_INTERVAL_MS: '0' });
  const sql: SqlExecutor = (q, p) => app.sql(q, p);
  const api = (a: Parameters<typeof rollupWrites>[1]) => rollupWrites(app, a);
  const compact = (org: string) => compactRollups(sql, org);

  it('gives listing summaries and report totals equal to a count, over ranges read from month and day cells', async () => {
    const account = await registerAccount(app.t, 'Loja Intervalos');
    await createInstance(app.t, account);
    const org = account.organizationId;
    const a = api(account);
    const stages = await listStages(app.t, account);
    // One ticket every 3 days from December to March (São Paulo), some with sales; then most of them folded.
    for (let i = 0; i < 40; i++) {
      const id = await a.create({ dealValue: 10 + i, ...(i % 3 ? { utmSource: 'google', gclid: `G${i}` } : {}) });
      const at = new Date(Date.UTC(2025, 11, 1, 12) + i * 3 * 86_400_000).toISOString();
      await sql('UPDATE tickets SET created_at = $2 WHERE id = $1', [id, at]);
      if (i % 4 === 0) await a.sell(id, 100 + i, at);
      if (i % 5 === 0) await a.patch(id, { stageId: stages[1]!.id });
      if (i === 30) await compact(org);
    }
    const ranges = [
      ['2025-12-04', '2026-01-03'],
      ['2025-12-01', '2025-12-31'],
      ['2025-12-20', '2026-02-10'],
      ['2026-01-02', '2026-01-30'],
      ['2025-11-15', '2026-03-31'],
      ['2026-02-28', '2026-03-01'],
    ];
    for (const [dateFrom, dateTo] of ranges) {
      const bounds = [`${dateFrom}T03:00:00Z`, new Date(Date.parse(`${dateTo}T03:00:00Z`) + 86_400_000).toISOString()];
      const [counted] = await sql(
        `SELECT count(*)::int AS total, (count(*) FILTER (WHERE sales_count > 0))::int AS "withSales",
           COALESCE(sum(deal_value), 0)::float8 AS "dealValueTotal"
         FROM tickets WHERE organization_id = $1 AND created_at >= $2 AND created_at < $3`,
        [org, ...bounds],
      );
      const [sold] = await sql(
        `SELECT count(*)::int AS "salesCount", COALESCE(sum(value), 0)::float8 AS revenue
         FROM sales WHERE organization_id = $1 AND sold_at >= $2 AND sold_at < $3`,
        [org, ...bounds],
      );
      for (const query of [
        { dateFrom, dateTo },
        { dateFrom, dateTo, stageId: stages[1]!.id },
      ]) {
        const listed = (await app.http.get('/api/v1/tickets').query(query).set(account.bearer).expect(200)).body;
        if (!query.stageId) {
          expect([dateFrom, dateTo, listed.summary]).toEqual([
            dateFrom,
            dateTo,
            { ...counted, dealValueOpen: expect.any(Number) },
          ]);
        }
        expect(listed.summary.total).toBe(listed.total);
      }
      const report = (
        await app.http.get('/api/v1/reports/attribution').query({ dateFrom, dateTo }).set(account.bearer).expect(200)
      ).body;
      expect([dateFrom, dateTo, report.totals]).toMatchObject([dateFrom, dateTo, { tickets: counted.total, ...sold }]);
      // The funnel from reach cells: per stage, the range's tickets in it now and those that ever reached it.
      const funnel = (
        await app.http.get('/api/v1/reports/funnel').query({ dateFrom, dateTo }).set(account.bearer).expect(200)
      ).body as { total: number; stages: { stageId: string; current: number; reached: number }[] };
      const perStage = await sql(
        `SELECT s.id AS "stageId", count(t.id) FILTER (WHERE t.stage_id = s.id)::int AS current,
           count(t.id) FILTER (WHERE t.stage_id = s.id OR EXISTS (SELECT 1 FROM ticket_events e
             WHERE e.organization_id = $1 AND e.ticket_id = t.id AND e.type IN ('created', 'stage_changed')
               AND e.after->>'stageId' = s.id::text))::int AS reached
         FROM ticket_stages s
         LEFT JOIN tickets t ON t.organization_id = $1 AND t.created_at >= $2 AND t.created_at < $3
         WHERE s.organization_id = $1 GROUP BY s.id, s.position, s.created_at ORDER BY s.position, s.created_at`,
        [org, ...bounds],
      );
      expect([
        dateFrom,
        dateTo,
        funnel.total,
        funnel.stages.map(({ stageId, current, reached }) => ({ stageId, current, reached })),
      ]).toEqual([dateFrom, dateTo, counted.total, perStage]);
    }
    expect(stages.length).toBeGreaterThanOrEqual(2);
    // Weekly and monthly series read week and month cells: each bucket equals a count of its local days.
    for (const interval of ['week', 'month'] as const) {
      for (const [metric, recount] of [
        ['tickets', `SELECT count(*)::float8 AS v FROM tickets t WHERE t.organization_id = $1 AND %`],
        [
          'revenue',
          `SELECT COALESCE(sum(s.value), 0)::float8 AS v FROM sales s WHERE s.organization_id = $1 AND ${'%'}`,
        ],
      ] as const) {
        const at = metric === 'tickets' ? 't.created_at' : 's.sold_at';
        const series = (
          await app.http
            .get('/api/v1/reports/timeseries')
            .query({ interval, metric, dateFrom: '2025-12-10', dateTo: '2026-03-05' })
            .set(account.bearer)
            .expect(200)
        ).body as { buckets: string[]; totals: number[] };
        const expected = [];
        for (const bucket of series.buckets) {
          const local = `date_trunc('${interval}', (${at} AT TIME ZONE 'America/Sao_Paulo')::date)::date = $2::date
            AND (${at} AT TIME ZONE 'America/Sao_Paulo')::date BETWEEN '2025-12-10' AND '2026-03-05'`;
          expected.push((await sql(recount.replace('%', local), [org, bucket]))[0].v);
        }
        expect([interval, metric, series.totals]).toEqual([interval, metric, expected]);
      }
    }
  });
});
