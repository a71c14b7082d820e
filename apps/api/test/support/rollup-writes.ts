import { uniquePhone, type Account } from './fixtures';
import { queueCellsBoth, reachCellsBoth, recountCells, type SqlExecutor, storedCells } from './rollup-recount';
import type { WebhookFixture } from './webhook-fixture';

/**
 * The ticket rollups, the funnel's reach cells and the queue cells equal a recount of the organization's tickets,
 * sales and timelines, at every grain.
 */
export async function expectRollupsExact(sql: SqlExecutor, organizationId: string): Promise<void> {
  for (const grain of ['day', 'week', 'month'] as const) {
    expect({ grain, cells: await storedCells(sql, organizationId, grain) }).toEqual({
      grain,
      cells: await recountCells(sql, organizationId, grain),
    });
  }
  for (const grain of ['day', 'month'] as const) {
    const reach = await reachCellsBoth(sql, organizationId, grain);
    expect({ grain, reach: reach.stored }).toEqual({ grain, reach: reach.recount });
  }
  const queue = await queueCellsBoth(sql, organizationId);
  expect(queue.stored).toEqual(queue.recount);
}

/** Folds the organization's rollup and queue deltas now; how many it folded. */
export async function compactRollups(sql: SqlExecutor, organizationId: string): Promise<number> {
  const [row] = await sql('SELECT ticket_rollups_compact($1) + ticket_queue_compact($1) AS n', [organizationId]);
  return (row as { n: number }).n;
}

/** The public API's writes that move rollup cells, as an account. */
export function rollupWrites(app: WebhookFixture, a: Account) {
  return {
    create: async (ticket: Record<string, unknown> = {}) =>
      (
        await app.http
          .post('/api/v1/tickets')
          .set(a.bearer)
          .send({ lead: { phone: uniquePhone() }, ticket })
          .expect(201)
      ).body.id as string,
    patch: (id: string, body: Record<string, unknown>) =>
      app.http.patch(`/api/v1/tickets/${id}`).set(a.bearer).send(body).expect(200),
    sell: async (id: string, value: number, soldAt?: string) =>
      (await app.http.post(`/api/v1/tickets/${id}/sales`).set(a.bearer).send({ value, soldAt }).expect(201)).body
        .id as string,
    unsell: (saleId: string) => app.http.delete(`/api/v1/sales/${saleId}`).set(a.bearer).expect(204),
    list: async (query: Record<string, string>) =>
      (await app.http.get('/api/v1/tickets').query(query).set(a.bearer).expect(200)).body as { total: number },
  };
}
