import { UNASSIGNED } from '@whatrack/shared';
import { isUUID } from 'class-validator';
import type { DateInterval } from '../../common/date-range/date-range';
import { searchPattern } from '../../common/sql/like-pattern';
import { leadSearchSql } from '../leads/leads.repository';
import { SqlParams } from '../../common/sql/sql-params';
import type { TicketFilterDto, TicketSort } from './dto/ticket-query.dto';

/**
 * What a search term matches, looked up beforehand: the leads (null when too many to list: the filter then keeps
 * a subquery) and the users assigned.
 */
export interface SearchMatches {
  leadIds: string[] | null;
  assigneeIds: string[];
}

export interface TicketFilterSql {
  /** AND-ed conditions on `t` (tickets) and `tr` (ticket_trackings, LEFT JOINed when `needsTracking`). */
  where: string;
  needsTracking: boolean;
  params: SqlParams;
}

/**
 * The WHERE clause of every ticket listing (table, inbounds, export, reports) for one organization.
 * `q` looks up matching leads through their trigram indexes rather than OR-ing across a join; callers that
 * already know what it matches (SearchMatches) pass it instead.
 */
export function buildTicketFilter(
  organizationId: string,
  filter: TicketFilterDto,
  interval: DateInterval,
  matches?: SearchMatches,
): TicketFilterSql {
  const params = new SqlParams();
  const org = params.add(organizationId);
  const conditions = [`t.organization_id = ${org}`];
  let needsTracking = false;
  if (interval.from) conditions.push(`t.created_at >= ${params.add(interval.from)}`);
  if (interval.to) conditions.push(`t.created_at < ${params.add(interval.to)}`);
  if (filter.stageId !== undefined) {
    conditions.push(isUUID(filter.stageId) ? `t.stage_id = ${params.add(filter.stageId)}` : 'FALSE');
  }
  if (filter.origin !== undefined) {
    needsTracking = true;
    conditions.push(`tr.utm_source = ${params.add(filter.origin)}`);
  }
  if (filter.source !== undefined) conditions.push(`t.source_type = ${params.add(filter.source)}`);
  if (filter.hasSales !== undefined) conditions.push(filter.hasSales ? 't.sales_count > 0' : 't.sales_count = 0');
  if (filter.assigneeId === UNASSIGNED) conditions.push('t.assignee_id IS NULL');
  else if (filter.assigneeId !== undefined) conditions.push(`t.assignee_id = ${params.add(filter.assigneeId)}`);
  if (filter.q) {
    // Every parameter must appear in the text (PostgreSQL cannot type an unused one): the pattern is added where used.
    let text: string | undefined;
    const pattern = () => (text ??= params.add(searchPattern(filter.q!)));
    // IN (subquery), never ANY(ARRAY(subquery)): PostgreSQL hashes the matching leads once, where an array of
    // them would be scanned anew for every ticket (a one-letter search took 20-30 s at 100k tickets).
    const leadMatch = matches?.leadIds
      ? `t.lead_id = ANY(${params.add(matches.leadIds)}::uuid[])`
      : `t.lead_id IN (SELECT l.id FROM leads l WHERE l.organization_id = ${org} AND ${leadSearchSql(filter.q, params, pattern())})`;
    const ticketMatch = [leadMatch];
    // The assignee through the team's few users, never a function of every ticket's assignee_name; known ids keep
    // the whole condition an index lookup (and drop out when no user matches, as for most searches).
    if (!matches) {
      ticketMatch.push(`t.assignee_id IN (SELECT u.id FROM users u WHERE u.organization_id = ${org}
        AND f_unaccent(lower(u.name)) LIKE f_unaccent(${pattern()}))`);
    } else if (matches.assigneeIds.length > 0) {
      ticketMatch.push(`t.assignee_id = ANY(${params.add(matches.assigneeIds)}::uuid[])`);
    }
    if (isUUID(filter.q)) ticketMatch.push(`t.id = ${params.add(filter.q)}`);
    conditions.push(`(${ticketMatch.join(' OR ')})`);
  }
  return { where: conditions.join(' AND '), needsTracking, params };
}

export const TRACKING_JOIN =
  'LEFT JOIN ticket_trackings tr ON tr.organization_id = t.organization_id AND tr.ticket_id = t.id';

interface SortKey {
  column: string;
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

export function ticketOrderBy(sort: TicketSort | undefined): string {
  const { column, descending } = SORT_KEYS[sort ?? '-createdAt'];
  const direction = descending ? 'DESC' : 'ASC';
  return `${column} ${direction}, t.id ${direction}`;
}

/** The tickets column a sort orders by (without the table alias). */
export function ticketSortColumn(sort: TicketSort | undefined): string {
  return SORT_KEYS[sort ?? '-createdAt'].column.replace(/^t\./, '');
}

/** Rows from `start` on (inclusive) in the given order: a seek on the sort index instead of an OFFSET count. */
export function fromPageStart(sort: TicketSort | undefined, start: PageStart, params: SqlParams): string {
  const { column, type, descending } = SORT_KEYS[sort ?? '-createdAt'];
  const value = `${params.add(start.value)}::${type}`;
  return `(${column}, t.id) ${descending ? '<=' : '>='} (${value}, ${params.add(start.id)}::uuid)`;
}
