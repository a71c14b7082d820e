import { isUUID } from 'class-validator';
import type { DateInterval } from '../../common/date-range/date-range';
import { phoneDigits } from '../../common/phone/phone';
import { containsPattern } from '../../common/sql/like-pattern';
import type { TicketFilterDto, TicketSort } from './dto/ticket-query.dto';

/** Positional SQL parameters, appended in order ($1 is always the organization). */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface TicketFilterSql {
  /** AND-ed conditions on `t` (tickets) and `tr` (ticket_trackings, LEFT JOINed when `needsTracking`). */
  where: string;
  needsTracking: boolean;
  params: SqlParams;
}

/**
 * The WHERE clause of every ticket listing (table, inbounds, export, reports) for one organization.
 * `q` looks up matching leads through their trigram indexes rather than OR-ing across a join.
 */
export function buildTicketFilter(
  organizationId: string,
  filter: TicketFilterDto,
  interval: DateInterval,
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
  if (filter.assigneeId !== undefined) conditions.push(`t.assignee_id = ${params.add(filter.assigneeId)}`);
  if (filter.q) {
    const text = params.add(containsPattern(filter.q.toLowerCase()));
    const alternatives = [`f_unaccent(lower(l.name)) LIKE f_unaccent(${text})`];
    const digits = phoneDigits(filter.q);
    if (digits.length >= 3) alternatives.push(`l.phone LIKE ${params.add(containsPattern(digits))}`);
    // ANY(ARRAY(...)) evaluates the lead search once (trigram indexes) instead of once per ticket under the OR.
    const leadMatch = `t.lead_id = ANY(ARRAY(SELECT l.id FROM leads l WHERE l.organization_id = ${org} AND (${alternatives.join(' OR ')})))`;
    const ticketMatch = [leadMatch, `f_unaccent(lower(t.assignee_name)) LIKE f_unaccent(${text})`];
    if (isUUID(filter.q)) ticketMatch.push(`t.id = ${params.add(filter.q)}`);
    conditions.push(`(${ticketMatch.join(' OR ')})`);
  }
  return { where: conditions.join(' AND '), needsTracking, params };
}

export const TRACKING_JOIN =
  'LEFT JOIN ticket_trackings tr ON tr.organization_id = t.organization_id AND tr.ticket_id = t.id';

const SORT_SQL: Record<TicketSort, string> = {
  createdAt: 't.created_at ASC, t.id ASC',
  '-createdAt': 't.created_at DESC, t.id DESC',
  dealValue: 't.deal_value ASC, t.id ASC',
  '-dealValue': 't.deal_value DESC, t.id DESC',
  updatedAt: 't.updated_at ASC, t.id ASC',
  '-updatedAt': 't.updated_at DESC, t.id DESC',
};

export function ticketOrderBy(sort: TicketSort | undefined): string {
  return SORT_SQL[sort ?? '-createdAt'];
}
