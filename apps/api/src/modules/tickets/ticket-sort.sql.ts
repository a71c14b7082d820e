import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { TicketSort } from './dto/ticket-query.dto';
import type { FilterDB } from './ticket-filter.sql';

/** The tickets column a sort orders by (without the table alias). */
export type SortColumn = 'created_at' | 'deal_value' | 'updated_at' | 'last_message_at' | 'waiting_since';

interface SortKey {
  column: SortColumn;
  type: 'timestamptz' | 'numeric';
  descending: boolean;
}

/** Every order ends with the ticket id, so it is total and a row's (value, id) pins its position. */
const SORT_KEYS: Record<TicketSort, SortKey> = {
  createdAt: { column: 'created_at', type: 'timestamptz', descending: false },
  '-createdAt': { column: 'created_at', type: 'timestamptz', descending: true },
  dealValue: { column: 'deal_value', type: 'numeric', descending: false },
  '-dealValue': { column: 'deal_value', type: 'numeric', descending: true },
  updatedAt: { column: 'updated_at', type: 'timestamptz', descending: false },
  '-updatedAt': { column: 'updated_at', type: 'timestamptz', descending: true },
  '-lastMessageAt': { column: 'last_message_at', type: 'timestamptz', descending: true },
  waitingSince: { column: 'waiting_since', type: 'timestamptz', descending: false },
};

/** Where a page starts: the sort value of its first row (as PostgreSQL's text, at full precision) and its id. */
export interface PageStart {
  value: string;
  id: string;
}

export function sortKey(sort: TicketSort | undefined): SortKey {
  return SORT_KEYS[sort ?? '-createdAt'];
}

/** The tickets column a sort orders by (without the table alias). */
export function ticketSortColumn(sort: TicketSort | undefined): SortColumn {
  return sortKey(sort).column;
}

/**
 * What a sort orders by, never null: the nullable queue columns as COALESCE(column, ±infinity), the expressions of
 * their indexes (migration TicketQueue), so tickets without a last message, or not waiting, come last in their
 * order and a page start is a plain (value, id) row comparison.
 */
export function sortValue(eb: ExpressionBuilder<FilterDB, 't'>, column: SortColumn): Expression<unknown> {
  if (column === 'last_message_at') return sql`COALESCE(${eb.ref('t.last_message_at')}, '-infinity'::timestamptz)`;
  if (column === 'waiting_since') return sql`COALESCE(${eb.ref('t.waiting_since')}, 'infinity'::timestamptz)`;
  return eb.ref(`t.${column}`);
}

/** Rows from `start` on (inclusive) in the given order: a seek on the sort index instead of an OFFSET count. */
export function fromPageStart(
  eb: ExpressionBuilder<FilterDB, 't' | 'tr'>,
  sort: TicketSort | undefined,
  start: PageStart,
): Expression<SqlBool> {
  const { column, type, descending } = sortKey(sort);
  const value = type === 'numeric' ? sql`${start.value}::numeric` : sql`${start.value}::timestamptz`;
  const row = sql`(${sortValue(eb, column)}, ${eb.ref('t.id')})`;
  const startRow = sql`(${value}, ${start.id}::uuid)`;
  return descending ? sql<SqlBool>`${row} <= ${startRow}` : sql<SqlBool>`${row} >= ${startRow}`;
}
