import { Injectable } from '@nestjs/common';
import { TicketSourceType } from '@whatrack/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { OrgReadCache } from '../../common/cache/org-read-cache';
import { Clock } from '../../common/clock/clock';
import { resolveDateRange } from '../../common/date-range/date-range';
import { Db } from '../../database/db';
import { OrganizationSettings } from '../organizations/organization-settings';
import { StageResponseDto } from '../stages/dto/stage-response.dto';
import { StagesService } from '../stages/stages.service';
import { queueScopeOf, rollupScopeOf } from '../ticket-rollups/rollup-scope';
import {
  type RollupSummaryRow,
  type SummaryOptions,
  TicketRollupsRepository,
} from '../ticket-rollups/ticket-rollups.repository';
import { TicketTrackingsRepository } from '../tracking/ticket-trackings.repository';
import type { InboundItemDto, InboundListResponseDto } from './dto/inbound-response.dto';
import type { TicketFilterDto, TicketQueryDto } from './dto/ticket-query.dto';
import { queueFieldsOf } from './dto/ticket-queue.dto';
import type { TicketListItemDto, TicketListResponseDto, TicketSummaryDto } from './dto/ticket-response.dto';
import { type TicketFilter, ticketFilterKey, ticketFilterOf } from './ticket-filter.sql';
import { type ListRow, TicketPageReader } from './ticket-page-reader';
import { TicketQueueService } from './ticket-queue.service';
import { TicketSearchMatches } from './ticket-search-matches';
import { TicketsRepository } from './tickets.repository';

@Injectable()
export class TicketListingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cache: OrgReadCache,
    private readonly organizations: OrganizationSettings,
    private readonly pages: TicketPageReader,
    private readonly search: TicketSearchMatches,
    private readonly tickets: TicketsRepository,
    private readonly trackings: TicketTrackingsRepository,
    private readonly stageList: StagesService,
    private readonly queue: TicketQueueService,
    private readonly rollups: TicketRollupsRepository,
  ) {}

  /** The organization's filter, with date presets resolved in its time zone and what a search matches. */
  async filterOf(auth: AuthContext, filter: TicketFilterDto): Promise<TicketFilter> {
    const org = await this.organizations.of(auth.organizationId);
    const interval = resolveDateRange(filter, org.timezone, this.clock.now());
    const matches = filter.q ? await this.search.matches(auth.organizationId, filter.q) : undefined;
    const assigneeId = await this.queue.assigneeFilter(auth, filter.assigneeId);
    return { ...ticketFilterOf(auth.organizationId, filter, interval, matches), assigneeId, timeZone: org.timezone };
  }

  async list(auth: AuthContext, query: TicketQueryDto): Promise<TicketListResponseDto> {
    const filter = await this.filterOf(auth, query);
    const rows = await this.pages.pageRows(filter, query.sort, query.pageSize, query.page);
    const { summary, origins } = await this.summaryWithOrigins(filter);
    const stages = await this.stages(auth);
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
    const filter = await this.filterOf(auth, query);
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
   * Counts and sums over every matching ticket, from the ticket rollups' cells when they can answer the filter (a
   * cost of the filter's cells, not of its tickets), else by counting the matches (a search, a queue condition:
   * bounded by their own indexes). Reused between writes (OrgReadCache) as a bonus.
   */
  summary(filter: TicketFilter): Promise<TicketSummaryDto> {
    const key = `tickets.summary ${ticketFilterKey(filter)}`;
    return this.cache.get(filter.organizationId, key, async () => summaryOf(await this.summaryRow(filter)));
  }

  /** The summary and the organization's distinct utmSource values (the filter's options), in one statement. */
  summaryWithOrigins(filter: TicketFilter): Promise<{ summary: TicketSummaryDto; origins: string[] }> {
    const key = `tickets.summary+origins ${ticketFilterKey(filter)}`;
    return this.cache.get(filter.organizationId, key, async () => {
      const row = await this.summaryRow(filter, { origins: true });
      return { summary: summaryOf(row), origins: row.origins ?? [] };
    });
  }

  /** From the queue cells when they can answer (fewest cells), else the rollups, else a count of the tickets. */
  private async summaryRow(filter: TicketFilter, options: SummaryOptions = {}): Promise<RollupSummaryRow> {
    const queue = queueScopeOf(filter);
    if (queue) return this.rollups.queueSummary(this.db, queue, options);
    const rollup = rollupScopeOf(
      filter,
      filter.timeZone ?? (await this.organizations.of(filter.organizationId)).timezone,
    );
    return rollup ? this.rollups.summary(this.db, rollup, options) : this.tickets.summary(this.db, filter, options);
  }

  private stages(auth: AuthContext): Promise<StageResponseDto[]> {
    return this.cache.get(
      auth.organizationId,
      'stages',
      async () => {
        const stages = await this.stageList.list(auth);
        return stages.map((s) => StageResponseDto.from(s));
      },
      { config: true },
    );
  }

  private async identifiersOf(
    organizationId: string,
    ticketIds: string[],
  ): Promise<Map<string, Record<string, string>>> {
    const byTicket = new Map<string, Record<string, string>>();
    if (ticketIds.length === 0) return byTicket;
    const rows = await this.trackings.identifiersOf(this.db, { organizationId, ticketIds });
    for (const row of rows) byTicket.set(row.ticket_id, { ...byTicket.get(row.ticket_id), [row.key]: row.value });
    return byTicket;
  }
}

function summaryOf(row: RollupSummaryRow): TicketSummaryDto {
  return {
    total: row.total,
    withSales: row.with_sales,
    dealValueOpen: row.deal_value_open,
    dealValueTotal: row.deal_value_total,
  };
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
    dealValue: r.deal_value,
    messagesCount: r.messages_count,
    salesCount: r.sales_count,
    totalValue: r.sales_total,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...queueFieldsOf(r),
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
