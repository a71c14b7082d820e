import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TicketSourceType } from '@whatrack/shared';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { OrgReadCache } from '../../common/cache/org-read-cache';
import { Clock } from '../../common/clock/clock';
import { queryPrepared } from '../../common/sql/prepared-query';
import { resolveDateRange } from '../../common/date-range/date-range';
import { OrganizationSettings } from '../organizations/organization-settings';
import { StageResponseDto } from '../stages/dto/stage-response.dto';
import { TicketStage } from '../stages/entities/ticket-stage.entity';
import type { InboundItemDto, InboundListResponseDto } from './dto/inbound-response.dto';
import type { TicketFilterDto, TicketQueryDto } from './dto/ticket-query.dto';
import type { TicketListItemDto, TicketListResponseDto, TicketSummaryDto } from './dto/ticket-response.dto';
import { buildTicketFilter, type TicketFilterSql, TRACKING_JOIN } from './ticket-filter.sql';
import { TicketSearchMatches } from './ticket-search-matches';
import { type ListRow, TicketPageReader } from './ticket-page-reader';

@Injectable()
export class TicketListingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly cache: OrgReadCache,
    private readonly organizations: OrganizationSettings,
    private readonly pages: TicketPageReader,
    private readonly search: TicketSearchMatches,
  ) {}

  /** The organization's filter as SQL, with date presets resolved in its time zone. */
  async filterSql(auth: AuthContext, filter: TicketFilterDto): Promise<TicketFilterSql> {
    const org = await this.organizations.of(auth.organizationId);
    const interval = resolveDateRange(filter, org.timezone, this.clock.now());
    const matches = filter.q ? await this.search.matches(auth.organizationId, filter.q) : undefined;
    return buildTicketFilter(auth.organizationId, filter, interval, matches);
  }

  async list(auth: AuthContext, query: TicketQueryDto): Promise<TicketListResponseDto> {
    const filter = await this.filterSql(auth, query);
    const rows = await this.pages.pageRows(filter, query.sort, query.pageSize, query.page);
    const summary = await this.summary(filter);
    const origins = await this.origins(auth.organizationId);
    const stages = await this.stages(auth.organizationId);
    return {
      items: rows.map(toListItem),
      total: summary.total,
      page: query.page,
      pageSize: query.pageSize,
      origins,
      sources: [TicketSourceType.PAID, TicketSourceType.ORGANIC],
      stages,
      summary,
    };
  }

  async inbounds(auth: AuthContext, query: TicketQueryDto): Promise<InboundListResponseDto> {
    const filter = await this.filterSql(auth, query);
    const rows = await this.pages.pageRows(filter, query.sort, query.pageSize, query.page);
    const identifiers = await this.identifiersOf(
      auth.organizationId,
      rows.map((r) => r.id),
    );
    const { total } = await this.summary(filter);
    return {
      items: rows.map((r) => toInboundItem(r, identifiers.get(r.id) ?? {})),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * Counts and sums over every matching ticket: the costly part of a listing (a scan of all matches), so it is
   * reused between writes (OrgReadCache) while the page rows are always read fresh.
   */
  summary(filter: TicketFilterSql): Promise<TicketSummaryDto> {
    const organizationId = filter.params.values[0] as string;
    const key = `tickets.summary ${filter.where} ${filter.needsTracking} ${JSON.stringify(filter.params.values)}`;
    return this.cache.get(organizationId, key, () => this.computeSummary(filter));
  }

  private async computeSummary(filter: TicketFilterSql): Promise<TicketSummaryDto> {
    const [row] = await this.dataSource.query<
      { total: number; with_sales: number; deal_value_open: string; deal_value_total: string }[]
    >(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE t.sales_count > 0)::int AS with_sales,
              COALESCE(sum(t.deal_value) FILTER (WHERE t.status = 'open'), 0) AS deal_value_open,
              COALESCE(sum(t.deal_value), 0) AS deal_value_total
       FROM tickets t ${filter.needsTracking ? TRACKING_JOIN : ''} WHERE ${filter.where}`,
      filter.params.values,
    );
    return {
      total: row.total,
      withSales: row.with_sales,
      dealValueOpen: Number(row.deal_value_open),
      dealValueTotal: Number(row.deal_value_total),
    };
  }

  /** Distinct utmSource values, by a loose index scan (one index probe per distinct value, not per ticket). */
  origins(organizationId: string): Promise<string[]> {
    return this.cache.get(organizationId, 'tickets.origins', () => this.computeOrigins(organizationId));
  }

  private async computeOrigins(organizationId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ utm_source: string }[]>(
      `WITH RECURSIVE o AS (
         (SELECT utm_source FROM ticket_trackings WHERE organization_id = $1 AND utm_source IS NOT NULL ORDER BY utm_source LIMIT 1)
         UNION ALL
         SELECT (SELECT x.utm_source FROM ticket_trackings x WHERE x.organization_id = $1 AND x.utm_source > o.utm_source
                 ORDER BY x.utm_source LIMIT 1)
         FROM o WHERE o.utm_source IS NOT NULL
       )
       SELECT utm_source FROM o WHERE utm_source IS NOT NULL`,
      [organizationId],
    );
    return rows.map((r) => r.utm_source);
  }

  private stages(organizationId: string): Promise<StageResponseDto[]> {
    return this.cache.get(organizationId, 'stages', async () => {
      const stages = await this.dataSource.manager.find(TicketStage, {
        where: { organizationId },
        order: { position: 'ASC', createdAt: 'ASC' },
      });
      return stages.map((s) => StageResponseDto.from(s));
    });
  }

  private async identifiersOf(
    organizationId: string,
    ticketIds: string[],
  ): Promise<Map<string, Record<string, string>>> {
    const byTicket = new Map<string, Record<string, string>>();
    if (ticketIds.length === 0) return byTicket;
    const rows = await queryPrepared<{ ticket_id: string; key: string; value: string }>(
      this.dataSource.manager,
      `SELECT tr.ticket_id, type.key, i.value
       FROM ticket_trackings tr
       JOIN ticket_tracking_identifiers i ON i.organization_id = tr.organization_id AND i.tracking_id = tr.id
       JOIN tracking_identifier_types type ON type.id = i.identifier_type_id
       WHERE tr.organization_id = $1 AND tr.ticket_id = ANY($2::uuid[])`,
      [organizationId, ticketIds],
    );
    for (const row of rows) byTicket.set(row.ticket_id, { ...byTicket.get(row.ticket_id), [row.key]: row.value });
    return byTicket;
  }
}

function toListItem(r: ListRow): TicketListItemDto {
  return {
    id: r.id,
    leadId: r.lead_id,
    leadName: r.lead_name,
    leadPhone: r.lead_phone,
    utmSource: r.utm_source,
    sourceType: r.source_type,
    platform: r.platform,
    stage: { id: r.stage_id, name: r.stage_name, color: r.stage_color },
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    dealValue: Number(r.deal_value),
    messagesCount: r.messages_count,
    salesCount: r.sales_count,
    totalValue: Number(r.sales_total),
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toInboundItem(r: ListRow, identifiers: Record<string, string>): InboundItemDto {
  return {
    id: r.id,
    status: r.status,
    gclid: identifiers.gclid ?? null,
    fbclid: identifiers.fbclid ?? null,
    ctwaclid: identifiers.ctwaclid ?? null,
    utmSource: r.utm_source,
    utmMedium: r.utm_medium,
    utmCampaign: r.utm_campaign,
    utmTerm: r.utm_term,
    utmContent: r.utm_content,
    platform: r.platform,
    sourceType: r.source_type,
    identifiers,
    leadId: r.lead_id,
    leadName: r.lead_name,
    createdAt: r.created_at,
  };
}
