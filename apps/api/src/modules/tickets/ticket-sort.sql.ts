import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { TicketSort } from './dto/ticket-query.dto';
import type { FilterDB } from './ticket-filter.sql';

type SortColumn = 't.created_at' | 't.deal_value' | 't.updated_at';

interface SortKey {
  column: SortColumn;
  type: 'timestamptz' | 'numeric';
  descending: boolean;
}

/** Every order ends with the ticket id, so it is total and a row's (value, id) pins its position. */
const SORT_KEYS: Record<TicketSort, SortKey> = {
  createdAt: { column: 't.created_at', type: 'timestamptz', descending: false },
  '-createdAt': { column: 't.created_at', type: 'timestamptz', descending: true },
  dealValue: { column: 't.deal_value', type: 'numeric', descending: false },
  '-dealValue': { column: 't.deal_value', type: 'numeric', descending: true },
  updatedAt: { column: 't.updated_at', type: 'timestamptz', descending: false },
  '-updatedAt': { column: 't.updated_at', type: 'timestamptz', descending: true },
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
export function ticketSortColumn(sort: TicketSort | undefined): 'created_at' | 'deal_value' | 'updated_at' {
  const column = sortKey(sort).column;
  return column === 't.created_at' ? 'created_at' : column === 't.deal_value' ? 'deal_value' : 'updated_at';
}

/** Rows from `start` on (inclusive) in the given order: a seek on the sort index instead of an OFFSET count. */
export function fromPageStart(
  eb: ExpressionBuilder<FilterDB, 't' | 'tr'>,
  sort: TicketSort | undefined,
  start: PageStart,
): Expression<SqlBool> {
  const { column, type, descending } = sortKey(sort);
  const value = type === 'numeric' ? sql`${start.value}::numeric` : sql`${start.value}::timestamptz`;
  const row = sql`(${eb.ref(column)}, ${eb.ref('t.id')})`;
  const startRow = sql`(${value}, ${start.id}::uuid)`;
  return descending ? sql<SqlBool>`${row} <= ${startRow}` : sql<SqlBool>`${row} >= ${startRow}`;
}
