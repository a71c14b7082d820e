import { type Expression, expressionBuilder, sql, type SqlBool } from 'kysely';
import type { DateInterval } from '../../common/date-range/date-range';
import type { DB } from '../../database/generated/db';
import {
  needsTracking as listingNeedsTracking,
  ticketConditions as listingConditions,
  type TicketFilter,
} from '../tickets/ticket-filter.sql';

/** The reports' ticket conditions are the ticket listing's (ticket-filter.sql.ts), over the report aliases. */
/**
 * The tickets a report covers: GET /tickets' filter (stage, origin, source, sales, assignee, search, ad platform)
 * without its creation dates, which each report applies to its own column (periodConditions).
 */
export type ReportFilter = Omit<TicketFilter, 'from' | 'to' | 'matches'>;

/** The aliases report statements use: tickets t, ticket_trackings tr, sales s, ad_spend a. */
export type ReportTables = DB & {
  t: DB['tickets'];
  tr: DB['ticket_trackings'];
  s: DB['sales'];
  a: DB['ad_spend'];
};

/** Typed references to the report aliases, for expressions shared by several statements. */
export const report = expressionBuilder<ReportTables, 't' | 'tr' | 's' | 'a'>();

export function needsTracking(filter: ReportFilter): boolean {
  return listingNeedsTracking(filter);
}

/** The AND-ed conditions on the tickets, starting with their organization: the very ones of the ticket listing. */
export function ticketConditions(filter: ReportFilter): Expression<SqlBool> {
  return listingConditions(report, filter);
}

/** `column >= from AND column < to` for the bounds the period has (an open side adds nothing). */
export function periodConditions(column: 't.created_at' | 's.sold_at', interval: DateInterval): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (interval.from) conditions.push(report(column, '>=', interval.from));
  if (interval.to) conditions.push(report(column, '<', interval.to));
  return conditions;
}

/** A column as text (the dimensions group by text keys). */
export const asText = (column: Expression<unknown>) => sql<string | null>`${column}::text`;
