import { type MessageDirection, TicketSourceType, TicketStatus } from '@whatrack/shared';
import { sql } from 'kysely';
import { qb } from '../../database/query-builder';
import type { TicketSort } from './dto/ticket-query.dto';
import { filteredTickets, type TicketFilter } from './ticket-filter.sql';
import { QUEUE_COLUMNS, type QueueNarrow } from './ticket-queue.sql';
import { fromPageStart, type PageStart, sortKey, sortValue } from './ticket-sort.sql';

export interface ListRow {
  id: string;
  lead_id: string;
  lead_name: string | null;
  lead_phone: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  source_type: TicketSourceType;
  platform: string | null;
  stage_id: string;
  stage_name: string;
  stage_color: string;
  assignee_id: string | null;
  assignee_name: string | null;
  deal_value: number;
  messages_count: number;
  sales_count: number;
  sales_total: number;
  status: TicketStatus;
  created_at: Date;
  updated_at: Date;
  last_message_at: Date | null;
  last_message_preview: string | null;
  last_message_type: string | null;
  last_message_direction: MessageDirection | null;
  unread_count: number;
  waiting_since: Date | null;
}

/** A listed row with its sort value as PostgreSQL's text (full precision), to remember where pages start. */
export type PagedRow = ListRow & { sort_value: string };

export interface PageWindow {
  sort: TicketSort | undefined;
  limit: number;
  /** An offset, or where the rows start (a seek on the sort index). */
  from: number | PageStart;
}

/** The ids of a window of the filter's tickets, in the sort's order (its shape follows the filter: never prepared). */
export function pageIdsQuery(filter: TicketFilter, { sort, limit, from }: PageWindow) {
  const { column, descending } = sortKey(sort);
  const direction = descending ? 'desc' : 'asc';
  return filteredTickets(filter)
    .$if(typeof from !== 'number', (q) => q.where((eb) => fromPageStart(eb, sort, from as PageStart)))
    .select('t.id')
    .orderBy((eb) => sortValue(eb, column), direction)
    .orderBy('t.id', direction)
    .limit(limit)
    .offset(typeof from === 'number' ? from : 0);
}

/** The rows of given tickets in the given order, with the sort column as text (fixed text: prepared once). */
export function rowsByIdsQuery(organizationId: string, ids: string[], sortColumn: string) {
  const page = sql<{ id: string; n: number }>`unnest(${ids}::uuid[]) WITH ORDINALITY`.as<'page'>(sql`page(id, n)`);
  return qb
    .selectFrom(page)
    .innerJoin('tickets as t', (j) => j.on('t.organization_id', '=', organizationId).onRef('t.id', '=', 'page.id'))
    .innerJoin('leads as l', (j) =>
      j.onRef('l.organization_id', '=', 't.organization_id').onRef('l.id', '=', 't.lead_id'),
    )
    .innerJoin('ticket_stages as s', (j) =>
      j.onRef('s.organization_id', '=', 't.organization_id').onRef('s.id', '=', 't.stage_id'),
    )
    .leftJoin('ticket_trackings as tr', (j) =>
      j.onRef('tr.organization_id', '=', 't.organization_id').onRef('tr.ticket_id', '=', 't.id'),
    )
    .leftJoin('ad_platforms as p', 'p.id', 'tr.ad_platform_id')
    .select((eb) => [
      't.id',
      't.lead_id',
      'l.name as lead_name',
      'l.phone as lead_phone',
      'tr.utm_source',
      'tr.utm_medium',
      'tr.utm_campaign',
      'tr.utm_term',
      'tr.utm_content',
      't.source_type',
      'p.key as platform',
      's.id as stage_id',
      's.name as stage_name',
      's.color as stage_color',
      't.assignee_id',
      't.assignee_name',
      't.deal_value',
      't.messages_count',
      't.sales_count',
      't.sales_total',
      't.status',
      't.created_at',
      't.updated_at',
      ...QUEUE_COLUMNS,
      sql<string>`CASE ${sortColumn}::text WHEN 'created_at' THEN ${eb.ref('t.created_at')}::text
        WHEN 'updated_at' THEN ${eb.ref('t.updated_at')}::text
        WHEN 'last_message_at' THEN ${sortValue(eb, 'last_message_at')}::text
        WHEN 'waiting_since' THEN ${sortValue(eb, 'waiting_since')}::text
        ELSE ${eb.ref('t.deal_value')}::text END`.as('sort_value'),
    ])
    .orderBy('page.n')
    .$narrowType<{ source_type: TicketSourceType; status: TicketStatus } & QueueNarrow>();
}

/** Counts and sums over every ticket of the filter (its shape follows the filter: never prepared). */
export function summaryQuery(filter: TicketFilter) {
  return filteredTickets(filter).select((eb) => [
    eb.cast<number>(eb.fn.countAll(), 'integer').as('total'),
    eb.cast<number>(eb.fn.countAll().filterWhere('t.sales_count', '>', eb.lit(0)), 'integer').as('with_sales'),
    eb.fn
      .coalesce(eb.fn.sum<number>('t.deal_value').filterWhere('t.status', '=', TicketStatus.OPEN), eb.lit(0))
      .as('deal_value_open'),
    eb.fn.coalesce(eb.fn.sum<number>('t.deal_value'), eb.lit(0)).as('deal_value_total'),
  ]);
}
