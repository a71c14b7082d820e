import { UNASSIGNED } from '@whatrack/shared';
import { isUUID } from 'class-validator';
import { type Expression, expressionBuilder, sql, type SqlBool } from 'kysely';
import type { DateInterval } from '../../common/date-range/date-range';
import { phoneDigits } from '../../common/phone/phone';
import { containsPattern, searchPattern } from '../../common/sql/like-pattern';
import type { DB } from '../../database/generated/db';

/**
 * The ticket filter of the reports: the filters of GET /tickets (same meaning as buildTicketFilter, which builds
 * the listing's text SQL) plus the ad platform, for one organization, as Kysely expressions over `t` (tickets) and
 * `tr` (ticket_trackings, LEFT JOINed when `needsTracking`).
 */
export interface ReportFilter {
  organizationId: string;
  stageId?: string;
  /** utm_source of the ticket's tracking. */
  origin?: string;
  source?: string;
  hasSales?: boolean;
  /** A user id, or UNASSIGNED. */
  assigneeId?: string;
  q?: string;
  /** ad_platform_id of the ticket's tracking (the platform key, resolved). */
  platformId?: string;
}

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
  return filter.origin !== undefined || filter.platformId !== undefined;
}

/** The AND-ed conditions on the tickets, starting with their organization. */
export function ticketConditions(filter: ReportFilter): Expression<SqlBool> {
  const eb = report;
  const org = filter.organizationId;
  const conditions: Expression<SqlBool>[] = [eb('t.organization_id', '=', org)];
  if (filter.stageId !== undefined) {
    conditions.push(isUUID(filter.stageId) ? eb('t.stage_id', '=', filter.stageId) : sql<SqlBool>`FALSE`);
  }
  if (filter.origin !== undefined) conditions.push(eb('tr.utm_source', '=', filter.origin));
  if (filter.source !== undefined) conditions.push(eb('t.source_type', '=', filter.source));
  if (filter.hasSales !== undefined) conditions.push(eb('t.sales_count', filter.hasSales ? '>' : '=', eb.lit(0)));
  if (filter.assigneeId === UNASSIGNED) conditions.push(eb('t.assignee_id', 'is', null));
  else if (filter.assigneeId !== undefined) conditions.push(eb('t.assignee_id', '=', filter.assigneeId));
  if (filter.q) conditions.push(searchCondition(org, filter.q));
  if (filter.platformId !== undefined) conditions.push(eb('tr.ad_platform_id', '=', filter.platformId));
  return eb.and(conditions);
}

/**
 * Tickets whose lead's name or phone, or whose assignee's name, matches `q` (or whose id it is). IN (subquery),
 * never ANY(ARRAY(subquery)): PostgreSQL hashes the matching leads once.
 */
function searchCondition(organizationId: string, q: string): Expression<SqlBool> {
  const eb = report;
  const pattern = searchPattern(q);
  const digits = phoneDigits(q);
  const unaccented = (column: Expression<string | null>) => sql<string>`f_unaccent(lower(${column}))`;
  const like = sql<string>`f_unaccent(${pattern})`;
  const leads = eb
    .selectFrom('leads as l')
    .select('l.id')
    .where('l.organization_id', '=', organizationId)
    .where((w) => {
      const alternatives = [w(unaccented(w.ref('l.name')), 'like', like)];
      if (digits.length >= 3) alternatives.push(w('l.phone', 'like', containsPattern(digits)));
      return w.or(alternatives);
    });
  const assignees = eb
    .selectFrom('users as u')
    .select('u.id')
    .where('u.organization_id', '=', organizationId)
    .where((w) => w(unaccented(w.ref('u.name')), 'like', like));
  const matches: Expression<SqlBool>[] = [eb('t.lead_id', 'in', leads), eb('t.assignee_id', 'in', assignees)];
  if (isUUID(q)) matches.push(eb('t.id', '=', q));
  return eb.or(matches);
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
