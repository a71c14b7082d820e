import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TicketSourceType, TicketStatus } from '@whatrack/shared';
import { DataSource } from 'typeorm';
import { OrgReadCache } from '../../common/cache/org-read-cache';
import { queryPrepared } from '../../common/sql/prepared-query';
import { SqlParams } from '../../common/sql/sql-params';
import type { TicketSort } from './dto/ticket-query.dto';
import {
  fromPageStart,
  type PageStart,
  type TicketFilterSql,
  ticketOrderBy,
  ticketSortColumn,
  TRACKING_JOIN,
} from './ticket-filter.sql';

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
  deal_value: string;
  messages_count: number;
  sales_count: number;
  sales_total: string;
  status: TicketStatus;
  created_at: Date;
  updated_at: Date;
}

/** A listed row with its sort value as PostgreSQL's text (full precision), to remember where pages start. */
export type PagedRow = ListRow & { sort_value: string };

const ROW_COLUMNS = `t.id, t.lead_id, l.name AS lead_name, l.phone AS lead_phone,
  tr.utm_source, tr.utm_medium, tr.utm_campaign, tr.utm_term, tr.utm_content, t.source_type, p.key AS platform,
  s.id AS stage_id, s.name AS stage_name, s.color AS stage_color, t.assignee_id, t.assignee_name, t.deal_value,
  t.messages_count, t.sales_count, t.sales_total, t.status, t.created_at, t.updated_at`;

const ROW_JOINS = `JOIN leads l ON l.organization_id = t.organization_id AND l.id = t.lead_id
  JOIN ticket_stages s ON s.organization_id = t.organization_id AND s.id = t.stage_id
  ${TRACKING_JOIN}
  LEFT JOIN ad_platforms p ON p.id = tr.ad_platform_id`;

/** The rows of given tickets in the given order, with the sort column as text (fixed text: prepared once). */
const ROWS_BY_ID_SQL = `SELECT ${ROW_COLUMNS},
    CASE $3::text WHEN 'created_at' THEN t.created_at::text WHEN 'updated_at' THEN t.updated_at::text
                  ELSE t.deal_value::text END AS sort_value
  FROM unnest($2::uuid[]) WITH ORDINALITY AS page (id, n)
  JOIN tickets t ON t.organization_id = $1 AND t.id = page.id
  ${ROW_JOINS}
  ORDER BY page.n`;

/** Reads pages of listed tickets (the table, inbounds and the CSV export) for a ticket filter. */
@Injectable()
export class TicketPageReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: OrgReadCache,
  ) {}

  /**
   * One page of rows. Deep pages would count past every earlier row (OFFSET), so where a page starts is
   * remembered until the organization's next write: reading page n remembers page n + 1's first row, and a
   * page read again seeks straight to its start on the sort index.
   */
  async pageRows(filter: TicketFilterSql, sort: TicketSort | undefined, pageSize: number, page: number) {
    const organizationId = filter.params.values[0] as string;
    const startKey = (n: number) =>
      `tickets.page-start ${filter.where} ${filter.needsTracking} ${JSON.stringify(filter.params.values)} ${sort} ${pageSize} ${n}`;
    // Taken before reading: a write committed meanwhile may have moved the boundaries this read finds.
    const generation = this.cache.generation(organizationId);
    const start = page > 1 ? await this.cache.peek<PageStart | null>(organizationId, startKey(page)) : undefined;
    if (start === null) return [];
    const { rows, next } = await this.rowsFrom(filter, sort, pageSize, start ?? (page - 1) * pageSize);
    if (start === undefined && page > 1) this.cache.put(organizationId, startKey(page), startOf(rows[0]), generation);
    this.cache.put(organizationId, startKey(page + 1), next, generation);
    return rows;
  }

  /** `limit` rows from an offset or a page start, and where the rows after them start (null at the end). */
  async rowsFrom(
    filter: TicketFilterSql,
    sort: TicketSort | undefined,
    limit: number,
    from: number | PageStart,
  ): Promise<{ rows: PagedRow[]; next: PageStart | null }> {
    const params = new SqlParams();
    params.values.push(...filter.params.values);
    const where = typeof from === 'number' ? filter.where : `${filter.where} AND ${fromPageStart(sort, from, params)}`;
    const offset = typeof from === 'number' ? from : 0;
    // One row more than asked for: it is where the next page starts. The ids first (a statement shaped by the
    // filters, cheap to plan), then their rows through one prepared statement: planning its joins anew would cost
    // PostgreSQL several times running them.
    const ids = await this.dataSource.query<{ id: string }[]>(
      `SELECT t.id FROM tickets t ${filter.needsTracking ? TRACKING_JOIN : ''}
       WHERE ${where} ORDER BY ${ticketOrderBy(sort)} LIMIT ${params.add(limit + 1)} OFFSET ${params.add(offset)}`,
      params.values,
    );
    if (ids.length === 0) return { rows: [], next: null };
    const rows = await queryPrepared<PagedRow>(this.dataSource.manager, ROWS_BY_ID_SQL, [
      filter.params.values[0],
      ids.map((r) => r.id),
      ticketSortColumn(sort),
    ]);
    const after = rows.length > limit ? rows.pop() : undefined;
    return { rows, next: startOf(after) };
  }
}

function startOf(row: PagedRow | undefined): PageStart | null {
  return row ? { value: row.sort_value, id: row.id } : null;
}
