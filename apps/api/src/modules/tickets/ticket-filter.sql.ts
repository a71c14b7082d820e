import { type TicketSourceType, type TicketStatus, UNASSIGNED } from '@whatrack/shared';
import { isUUID } from 'class-validator';
import { type Expression, type ExpressionBuilder, type Nullable, type SqlBool, sql } from 'kysely';
import type { DateInterval } from '../../common/date-range/date-range';
import { searchPattern } from '../../common/sql/like-pattern';
import type { DB } from '../../database/generated/db';
import { qb } from '../../database/query-builder';
import { leadSearchSql } from '../leads/lead-search.sql';
import type { TicketFilterDto } from './dto/ticket-query.dto';
import { sortValue } from './ticket-sort.sql';

/**
 * What a search term matches, looked up beforehand: the leads (null when too many to list: the filter then keeps
 * a subquery) and the users assigned.
 */
export interface SearchMatches {
  leadIds: string[] | null;
  assigneeIds: string[];
}

/** Which tickets of ONE organization a listing (table, inbounds, export, reports) covers. */
export interface TicketFilter {
  organizationId: string;
  /** Creation dates, from inclusive, to exclusive. */
  from?: Date;
  to?: Date;
  stageId?: string;
  /** utm_source of the ticket's tracking. */
  origin?: string;
  source?: TicketSourceType;
  hasSales?: boolean;
  /** A user id, or UNASSIGNED; null (`me` for a caller without a user) matches no ticket. */
  assigneeId?: string | null;
  status?: TicketStatus;
  /** Whether waiting for an answer (waiting_since set). */
  waiting?: boolean;
  /** Whether with unread messages. */
  unread?: boolean;
  q?: string;
  /** What `q` matches, when looked up beforehand (TicketSearchMatches); else the filter looks it up itself. */
  matches?: SearchMatches;
  /** The ad platform of the ticket's tracking (the reports' platform filter). */
  platformId?: string;
  /** The organization's time zone, where the dates were resolved (known to the caller; not a condition). */
  timeZone?: string;
}

/** The organization's filter from a listing's query and its resolved period. */
export function ticketFilterOf(
  organizationId: string,
  dto: TicketFilterDto,
  interval: DateInterval,
  matches?: SearchMatches,
): TicketFilter {
  const { stageId, origin, source, hasSales, assigneeId, status, waiting, unread, q } = dto;
  return {
    ...{ organizationId, ...interval, stageId, origin, source, hasSales, assigneeId },
    ...{ status, waiting, unread, q, matches },
  };
}

/** The same filter always gives the same key (a cache key: its fields in a fixed order). */
export function ticketFilterKey(f: TicketFilter): string {
  return JSON.stringify([
    f.organizationId,
    f.from,
    f.to,
    f.stageId,
    f.origin,
    f.source,
    f.hasSales,
    // JSON drops the difference between null (`me` matching nobody) and undefined (no filter): keep it.
    f.assigneeId === null ? { nobody: true } : f.assigneeId,
    f.status,
    f.waiting,
    f.unread,
    f.q,
    f.matches,
    f.platformId,
  ]);
}

/** The relations a filter's conditions read: `t` (tickets) and `tr` (ticket_trackings, LEFT JOINed). */
export type FilterDB = DB & { t: DB['tickets']; tr: Nullable<DB['ticket_trackings']> };
type FilterEb = ExpressionBuilder<FilterDB, 't' | 'tr'>;

/** Whether the conditions read the ticket's tracking row. */
export function needsTracking(f: TicketFilter): boolean {
  return f.origin !== undefined || f.platformId !== undefined;
}

/**
 * The tickets `t` of the filter, with their tracking `tr` LEFT JOINed only when a condition reads it (the type
 * always has `tr`: only the conditions and the listings' row joins use it).
 */
export function filteredTickets(f: TicketFilter) {
  const tickets = needsTracking(f)
    ? withTracking()
    : (qb.selectFrom('tickets as t') as unknown as ReturnType<typeof withTracking>);
  return tickets.where((eb) => ticketConditions(eb, f));
}

function withTracking() {
  return qb
    .selectFrom('tickets as t')
    .leftJoin('ticket_trackings as tr', (j) =>
      j.onRef('tr.organization_id', '=', 't.organization_id').onRef('tr.ticket_id', '=', 't.id'),
    );
}

/**
 * The AND-ed conditions of a filter on `t` and `tr`. `q` looks up matching leads through their trigram indexes
 * rather than OR-ing across a join; a filter that already knows what it matches (SearchMatches) uses it instead.
 */
export function ticketConditions(eb: FilterEb, f: TicketFilter): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [eb('t.organization_id', '=', f.organizationId)];
  if (f.from) conditions.push(eb('t.created_at', '>=', f.from));
  if (f.to) conditions.push(eb('t.created_at', '<', f.to));
  if (f.stageId !== undefined) conditions.push(isUUID(f.stageId) ? eb('t.stage_id', '=', f.stageId) : eb.lit(false));
  if (f.origin !== undefined) conditions.push(eb('tr.utm_source', '=', f.origin));
  if (f.platformId !== undefined) conditions.push(eb('tr.ad_platform_id', '=', f.platformId));
  if (f.source !== undefined) conditions.push(eb('t.source_type', '=', f.source));
  if (f.hasSales !== undefined) conditions.push(eb('t.sales_count', f.hasSales ? '>' : '=', eb.lit(0)));
  if (f.assigneeId === UNASSIGNED) conditions.push(eb('t.assignee_id', 'is', null));
  else if (f.assigneeId === null) conditions.push(eb.lit(false));
  else if (f.assigneeId !== undefined) conditions.push(eb('t.assignee_id', '=', f.assigneeId));
  if (f.status !== undefined) conditions.push(eb('t.status', '=', f.status));
  // On the expression of IDX_tickets_org_waiting (waiting_since is never infinite): a range of that index.
  if (f.waiting !== undefined)
    conditions.push(sql<SqlBool>`${waitingKey(eb)} ${sql.raw(f.waiting ? '<' : '=')} 'infinity'`);
  if (f.unread !== undefined) conditions.push(eb('t.unread_count', f.unread ? '>' : '=', eb.lit(0)));
  if (f.q) conditions.push(searchCondition(eb, f.organizationId, f.q, f.matches));
  return eb.and(conditions);
}

/** `name` (case- and accent-insensitive) LIKE the search pattern of `q` (see searchPattern). */
function nameMatches(name: Expression<string | null>, q: string) {
  return sql<SqlBool>`f_unaccent(lower(${name})) LIKE f_unaccent(${searchPattern(q)})`;
}

function searchCondition(eb: FilterEb, organizationId: string, q: string, matches?: SearchMatches) {
  // IN (subquery), never ANY(ARRAY(subquery)): PostgreSQL hashes the matching leads once, where an array of
  // them would be scanned anew for every ticket (a one-letter search took 20-30 s at 100k tickets).
  const alternatives = [
    matches?.leadIds
      ? eb('t.lead_id', '=', anyUuid(matches.leadIds))
      : eb(
          't.lead_id',
          'in',
          eb
            .selectFrom('leads as l')
            .select('l.id')
            .where('l.organization_id', '=', organizationId)
            .where(leadSearchSql(q)),
        ),
  ];
  // The assignee through the team's few users, never a function of every ticket's assignee_name; known ids keep
  // the whole condition an index lookup (and drop out when no user matches, as for most searches).
  if (!matches) {
    const users = eb
      .selectFrom('users as u')
      .select('u.id')
      .where('u.organization_id', '=', organizationId)
      .where((u) => nameMatches(u.ref('u.name'), q));
    alternatives.push(eb('t.assignee_id', 'in', users));
  } else if (matches.assigneeIds.length > 0) {
    alternatives.push(eb('t.assignee_id', '=', anyUuid(matches.assigneeIds)));
  }
  if (isUUID(q)) alternatives.push(eb('t.id', '=', q));
  return eb.or(alternatives);
}

function anyUuid(ids: string[]) {
  return sql<string>`ANY(${ids}::uuid[])`;
}

function waitingKey(eb: FilterEb) {
  return sortValue(eb, 'waiting_since');
}
