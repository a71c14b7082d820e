import { UNASSIGNED } from '@whatrack/shared';
import { isUUID } from 'class-validator';
import type { DateInterval } from '../../common/date-range/date-range';
import { searchPattern } from '../../common/sql/like-pattern';
import { leadSearchSql } from '../leads/leads.repository';
import { SqlParams } from '../../common/sql/sql-params';
import type { TicketFilterDto } from './dto/ticket-query.dto';
import type { SearchMatches } from './ticket-filter.sql';

export interface TicketFilterSql {
  /** AND-ed conditions on `t` (tickets) and `tr` (ticket_trackings, LEFT JOINed when `needsTracking`). */
  where: string;
  needsTracking: boolean;
  params: SqlParams;
}

/*
 * TEMPORARY (issue #11): the ticket filter as an SQL string, for the reports (modules/reports) until their helper
 * builds their statements with the Kysely filter of ticket-filter.sql.ts (ticketFilterOf + ticketConditions, with
 * `platformId` for their platform filter). The listings use that one; remove this file then.
 */

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
