/**
 * The ticket rollups' invariant as two queries with one row shape: what the rollups say (compacted cells of a grain
 * plus the pending deltas) and a plain recount of tickets and sales. Both drop all-zero cells (either side may keep
 * or lack them) and render every column as text, measures with 2 decimals, so rows compare with toEqual.
 */

/** Runs one SQL statement with $n parameters (DataSource.query, a pg Client's query mapped to rows, ...). */
export type SqlExecutor = (sql: string, params?: unknown[]) => Promise<any[]>;

export type RollupGrain = 'day' | 'week' | 'month';

export interface RollupCell {
  day: string;
  stage_id: string;
  status: string;
  has_sales: string;
  assignee_id: string | null;
  source_type: string;
  ad_platform_id: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  tickets: string;
  deal_value: string;
  sales_count: string;
  revenue: string;
}

const DIMENSIONS = [
  'stage_id',
  'status',
  'has_sales',
  'assignee_id',
  'source_type',
  'ad_platform_id',
  'utm_source',
  'utm_medium',
  'utm_campaign',
];
const MEASURES = ['tickets', 'deal_value', 'sales_count', 'revenue'];

/** Groups `facts` (day, dimensions, measures) into cells of $2's grain, as text, without all-zero cells. */
const cells = (facts: string) => `
  SELECT (CASE WHEN $2 = 'day' THEN f.day ELSE date_trunc($2, f.day)::date END)::text AS day,
    ${DIMENSIONS.map((d) => `f.${d}::text AS ${d}`).join(', ')},
    ${MEASURES.map((m) => `sum(f.${m})::numeric(20, 2)::text AS ${m}`).join(', ')}
  FROM (${facts}) f
  GROUP BY 1, ${DIMENSIONS.map((d) => `f.${d}`).join(', ')}
  HAVING ${MEASURES.map((m) => `sum(f.${m}) <> 0`).join(' OR ')}`;

const cols = [...DIMENSIONS, ...MEASURES].join(', ');

// One statement reads both tables, so a concurrent compaction (which moves deltas into cells) cannot be seen half done.
const STORED = cells(`
  SELECT day, ${cols} FROM ticket_rollups WHERE organization_id = $1 AND grain = $2
  UNION ALL
  SELECT day, ${cols} FROM ticket_rollup_deltas WHERE organization_id = $1`);

/** The ticket's current cell; `tr` is its tracking row or NULLs (LEFT JOIN). */
const CELL = `t.stage_id, t.status, t.sales_count > 0 AS has_sales, t.assignee_id, t.source_type,
  tr.ad_platform_id, tr.utm_source, tr.utm_medium, tr.utm_campaign`;
const TRACKING = 'LEFT JOIN ticket_trackings tr ON tr.organization_id = t.organization_id AND tr.ticket_id = t.id';
const ZONE = '(SELECT o.timezone FROM organizations o WHERE o.id = $1)';

const RECOUNT = cells(`
  SELECT (t.created_at AT TIME ZONE ${ZONE})::date AS day, ${CELL},
    1 AS tickets, t.deal_value, 0 AS sales_count, 0::numeric AS revenue
  FROM tickets t ${TRACKING}
  WHERE t.organization_id = $1
  UNION ALL
  SELECT (s.sold_at AT TIME ZONE ${ZONE})::date, ${CELL}, 0, 0, 1, s.value
  FROM sales s
  JOIN tickets t ON t.organization_id = s.organization_id AND t.id = s.ticket_id ${TRACKING}
  WHERE s.organization_id = $1`);

const key = (c: object) => JSON.stringify(Object.values(c));
const sorted = (rows: RollupCell[]) => rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** The organization's cells as the rollups (cells of `grain` + deltas) state them, sorted. */
export async function storedCells(query: SqlExecutor, organizationId: string, grain: RollupGrain) {
  return sorted((await query(STORED, [organizationId, grain])) as RollupCell[]);
}

/** The organization's cells recounted from tickets, ticket_trackings and sales, sorted. */
export async function recountCells(query: SqlExecutor, organizationId: string, grain: RollupGrain) {
  return sorted((await query(RECOUNT, [organizationId, grain])) as RollupCell[]);
}

/** A queue cell (ticket_queue_cells): tickets per status, assignee, waiting and unread, as text. */
export interface QueueCell {
  status: string;
  assignee_id: string | null;
  waiting: string;
  unread: string;
  tickets: string;
  with_sales: string;
  deal_value: string;
}

const queueCells = (facts: string) => `
  SELECT f.status::text AS status, f.assignee_id::text AS assignee_id, f.waiting::text AS waiting,
    f.unread::text AS unread, sum(f.tickets)::text AS tickets, sum(f.with_sales)::text AS with_sales,
    sum(f.deal_value)::numeric(20, 2)::text AS deal_value
  FROM (${facts}) f
  GROUP BY 1, 2, 3, 4
  HAVING sum(f.tickets) <> 0 OR sum(f.with_sales) <> 0 OR sum(f.deal_value) <> 0`;
const QUEUE_COLUMNS = 'status, assignee_id, waiting, unread, tickets, with_sales, deal_value';
const STORED_QUEUE = queueCells(`
  SELECT ${QUEUE_COLUMNS} FROM ticket_queue_cells WHERE organization_id = $1
  UNION ALL
  SELECT ${QUEUE_COLUMNS} FROM ticket_queue_deltas WHERE organization_id = $1`);
const RECOUNT_QUEUE = queueCells(`
  SELECT status, assignee_id, waiting_since IS NOT NULL AS waiting, unread_count > 0 AS unread, 1 AS tickets,
    (sales_count > 0)::int AS with_sales, deal_value
  FROM tickets WHERE organization_id = $1`);

/** The organization's queue cells as stored (cells + pending deltas) and as recounted from its tickets, sorted. */
export async function queueCellsBoth(query: SqlExecutor, organizationId: string) {
  const order = (rows: QueueCell[]) => rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return {
    stored: order((await query(STORED_QUEUE, [organizationId])) as QueueCell[]),
    recount: order((await query(RECOUNT_QUEUE, [organizationId])) as QueueCell[]),
  };
}

/** A reach cell (ticket_reach_rollups): per ticket cell and reached stage, the tickets, as text. */
export type ReachCell = Omit<RollupCell, 'deal_value' | 'sales_count' | 'revenue'> & { reached_stage_id: string };

const reachCells = (facts: string) => `
  SELECT (CASE WHEN $2 = 'day' THEN f.day ELSE date_trunc($2, f.day)::date END)::text AS day,
    f.reached_stage_id::text AS reached_stage_id, ${DIMENSIONS.map((d) => `f.${d}::text AS ${d}`).join(', ')},
    sum(f.tickets)::text AS tickets
  FROM (${facts}) f
  GROUP BY 1, 2, ${DIMENSIONS.map((d) => `f.${d}`).join(', ')}
  HAVING sum(f.tickets) <> 0`;
const REACH_COLUMNS = `day, reached_stage_id, ${DIMENSIONS.join(', ')}, tickets`;
const STORED_REACH = reachCells(`
  SELECT ${REACH_COLUMNS} FROM ticket_reach_rollups WHERE organization_id = $1 AND grain = $2
  UNION ALL
  SELECT ${REACH_COLUMNS} FROM ticket_reach_deltas WHERE organization_id = $1`);
// Written apart from the migration's SQL on purpose: the stages a ticket is in or was created in or moved to.
const RECOUNT_REACH = reachCells(`
  SELECT (t.created_at AT TIME ZONE ${ZONE})::date AS day, r.stage_id AS reached_stage_id, ${CELL}, 1 AS tickets
  FROM tickets t ${TRACKING}
  JOIN LATERAL (
    SELECT t.stage_id
    UNION
    SELECT (e.after->>'stageId')::uuid FROM ticket_events e
    WHERE e.organization_id = t.organization_id AND e.ticket_id = t.id
      AND e.type IN ('created', 'stage_changed') AND e.after->>'stageId' ~ '^[0-9a-f-]{36}$'
  ) r(stage_id) ON true
  WHERE t.organization_id = $1`);

/** The organization's reach cells (day or month grain) as stored and as recounted from tickets and events, sorted. */
export async function reachCellsBoth(query: SqlExecutor, organizationId: string, grain: 'day' | 'month') {
  const order = (rows: ReachCell[]) => rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return {
    stored: order((await query(STORED_REACH, [organizationId, grain])) as ReachCell[]),
    recount: order((await query(RECOUNT_REACH, [organizationId, grain])) as ReachCell[]),
  };
}
