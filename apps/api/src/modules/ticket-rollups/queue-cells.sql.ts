import { type Expression, type ExpressionBuilder, type SelectQueryBuilder, sql, type SqlBool } from 'kysely';
import type { DB } from '../../database/generated/db';
import { qb } from '../../database/query-builder';
import type { QueueScope } from './rollup-scope';

/** Queue cells `q`: compacted ones (ticket_queue_cells) or deltas (ticket_queue_deltas), the same columns. */
type QueueDB = DB & { q: DB['ticket_queue_cells'] };
type QueueEb = ExpressionBuilder<QueueDB, 'q'>;

const QUEUE_COLUMNS = [
  'q.status',
  'q.assignee_id',
  'q.waiting',
  'q.unread',
  'q.tickets',
  'q.with_sales',
  'q.deal_value',
] as const;

/** The queue cells of a scope and the deltas not folded yet, in one statement (one snapshot). */
export function queueCells(scope: QueueScope) {
  const compacted = qb
    .selectFrom('ticket_queue_cells as q')
    .select(QUEUE_COLUMNS)
    .where((eb) => queueConditions(eb, scope));
  const deltas = (qb.selectFrom('ticket_queue_deltas as q') as unknown as SelectQueryBuilder<QueueDB, 'q', object>)
    .select(QUEUE_COLUMNS)
    .where((eb) => queueConditions(eb, scope));
  return compacted.unionAll(deltas).as('q');
}

function queueConditions(eb: QueueEb, s: QueueScope): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [eb('q.organization_id', '=', s.organizationId)];
  if (s.status !== undefined) conditions.push(eb('q.status', '=', s.status));
  if (s.assigneeId === null) conditions.push(eb('q.assignee_id', 'is', null));
  else if (s.assigneeId !== undefined) conditions.push(eb('q.assignee_id', '=', s.assigneeId));
  if (s.waiting !== undefined) conditions.push(eb('q.waiting', '=', s.waiting));
  if (s.unread !== undefined) conditions.push(eb('q.unread', '=', s.unread));
  return eb.and(conditions);
}

/** `sum(column)` as a number, 0 over no cells (optionally only where `where` holds). */
export function total(column: Expression<unknown>, where?: Expression<SqlBool>) {
  return where
    ? sql<number>`COALESCE(sum(${column}) FILTER (WHERE ${where}), 0)`
    : sql<number>`COALESCE(sum(${column}), 0)`;
}
