import type { AttributionGroup } from '@whatrack/shared';
import { isUUID } from 'class-validator';
import {
  type AliasedRawBuilder,
  type Expression,
  type ExpressionBuilder,
  type RawBuilder,
  type SelectQueryBuilder,
  sql,
  type SqlBool,
} from 'kysely';
import type { DB } from '../../database/generated/db';
import { qb } from '../../database/query-builder';
import { type GrainPart, type RollupScope, splitByGrain, splitByWeek } from './rollup-scope';

/** Cells `c`: compacted ones (ticket_rollups) or deltas (ticket_rollup_deltas), the same columns but `grain`. */
export type CellDB = DB & { c: DB['ticket_rollups'] };
type CellEb = ExpressionBuilder<CellDB, 'c'>;

const DIMENSION_COLUMNS = [
  'c.day',
  'c.stage_id',
  'c.status',
  'c.has_sales',
  'c.assignee_id',
  'c.source_type',
  'c.ad_platform_id',
  'c.utm_source',
  'c.utm_medium',
  'c.utm_campaign',
] as const;
const MEASURES = ['tickets', 'deal_value', 'sales_count', 'revenue'] as const;

/**
 * The cells of a scope in one statement (one snapshot: compacted cells and unfolded deltas always add up to the
 * committed state), read at the coarsest grain the caller can sum: `day` (daily buckets), `week` (whole weeks from
 * week cells, see splitByWeek) or `month` (whole months from month cells, see splitByGrain).
 */
export function scopeCells(scope: RollupScope, { grain }: { grain: 'day' | 'week' | 'month' }) {
  const compacted = qb.selectFrom('ticket_rollups as c');
  // The deltas have every cell column but `grain`, which this statement does not read from them.
  const deltas = qb.selectFrom('ticket_rollup_deltas as c') as unknown as SelectQueryBuilder<CellDB, 'c', object>;
  return compactedAndDeltas(scope, grainParts(scope, grain), { compacted, deltas }, (sign) =>
    MEASURES.map((m) => signed(sign, `c.${m}`).as(m)),
  );
}

/**
 * The funnel's reach cells of a scope (ticket_reach_rollups and ticket_reach_deltas: per cell and reached stage,
 * the tickets that reached it), at month grain. They have the cells' dimensions, hence the cells' conditions.
 */
export function scopeReachCells(scope: RollupScope) {
  const reach = (table: 'ticket_reach_rollups' | 'ticket_reach_deltas') =>
    qb.selectFrom(`${table} as c`) as unknown as SelectQueryBuilder<CellDB, 'c', object>;
  return compactedAndDeltas(
    scope,
    grainParts(scope, 'month'),
    { compacted: reach('ticket_reach_rollups'), deltas: reach('ticket_reach_deltas') },
    (sign) => [
      sql<string>`${sql.ref('c.reached_stage_id')}`.as('reached_stage_id'),
      signed(sign, 'c.tickets').as('tickets'),
    ],
  );
}

function grainParts(scope: RollupScope, grain: 'day' | 'week' | 'month'): GrainPart[] {
  const { fromDay, toDay } = scope;
  if (grain === 'day') return [{ grain: 'day', from: fromDay, to: toDay, sign: 1 }];
  return grain === 'week' ? splitByWeek(fromDay, toDay) : splitByGrain(fromDay, toDay);
}

/** Compacted cells of `parts` (signed: a month minus its days) and the deltas of the range, with `measures`. */
function compactedAndDeltas<M extends AliasedRawBuilder<unknown, string>>(
  scope: RollupScope,
  parts: GrainPart[],
  from: { compacted: SelectQueryBuilder<CellDB, 'c', object>; deltas: SelectQueryBuilder<CellDB, 'c', object> },
  measures: (sign: RawBuilder<number> | null) => M[],
) {
  const compacted = from.compacted
    .select((eb) => {
      const taken = parts.filter((p) => p.sign < 0).map((p) => partCondition(eb, p));
      const sign = taken.length > 0 ? sql<number>`CASE WHEN ${eb.or(taken)} THEN -1 ELSE 1 END` : sql<number>`1`;
      return [...DIMENSION_COLUMNS, ...measures(sign)];
    })
    .where((eb) => eb.and([...dimensionConditions(eb, scope), eb.or(parts.map((p) => partCondition(eb, p)))]));
  const deltas = from.deltas
    .select([...DIMENSION_COLUMNS, ...measures(null)])
    .where((eb) => eb.and([...dimensionConditions(eb, scope), ...dayRange(eb, scope.fromDay, scope.toDay)]));
  return compacted.unionAll(deltas).as('c');
}

/** A measure of the compacted cells times their sign (a month minus its days); the deltas' as they are. */
function signed(sign: RawBuilder<number> | null, column: string): RawBuilder<number> {
  return sign === null ? sql<number>`${sql.ref(column)}` : sql<number>`${sign} * ${sql.ref(column)}`;
}

function partCondition(eb: CellEb, part: GrainPart): Expression<SqlBool> {
  return eb.and([eb('c.grain', '=', part.grain), ...dayRange(eb, part.from, part.to)]);
}

function dayRange(eb: CellEb, from: string | undefined, to: string | undefined): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (from !== undefined) conditions.push(eb('c.day', '>=', sql<string>`${from}::date`));
  if (to !== undefined) conditions.push(eb('c.day', '<', sql<string>`${to}::date`));
  return conditions;
}

/** The AND-ed conditions of a scope's dimensions, starting with its organization. */
function dimensionConditions(eb: CellEb, s: RollupScope): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [eb('c.organization_id', '=', s.organizationId)];
  if (s.stageId !== undefined) conditions.push(isUUID(s.stageId) ? eb('c.stage_id', '=', s.stageId) : eb.lit(false));
  if (s.status !== undefined) conditions.push(eb('c.status', '=', s.status));
  if (s.hasSales !== undefined) conditions.push(eb('c.has_sales', '=', s.hasSales));
  if (s.assigneeId === null) conditions.push(eb('c.assignee_id', 'is', null));
  else if (s.assigneeId !== undefined) conditions.push(eb('c.assignee_id', '=', s.assigneeId));
  if (s.source !== undefined) conditions.push(eb('c.source_type', '=', s.source));
  if (s.origin !== undefined) conditions.push(eb('c.utm_source', '=', s.origin));
  if (s.platformId !== undefined) conditions.push(eb('c.ad_platform_id', '=', s.platformId));
  return conditions;
}

/** The report groupings cells can answer: all but the ad id, which is not a cell dimension. */
export type CellGroup = Exclude<AttributionGroup, 'adId'>;

export function isCellGroup(group: AttributionGroup): group is CellGroup {
  return group !== 'adId';
}

/** The report dimensions over cells, as text (the attribution and time series group by them). */
export const CELL_DIMENSIONS: Record<CellGroup, RawBuilder<string | null>> = {
  platform: sql<string | null>`c.ad_platform_id::text`,
  sourceType: sql<string | null>`c.source_type::text`,
  utmSource: sql<string | null>`c.utm_source::text`,
  utmMedium: sql<string | null>`c.utm_medium::text`,
  utmCampaign: sql<string | null>`c.utm_campaign::text`,
  stage: sql<string | null>`c.stage_id::text`,
  assignee: sql<string | null>`c.assignee_id::text`,
};
