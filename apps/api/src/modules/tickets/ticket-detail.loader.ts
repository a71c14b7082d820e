import type { TicketCreatorType, TicketSourceType, TicketStatus } from '@whatrack/shared';
import type { EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/errors/domain-errors';
import type { Sale } from '../sales/entities/sale.entity';
import type { StageResponseDto } from '../stages/dto/stage-response.dto';
import type {
  TicketConversationDto,
  TicketDetailResponseDto,
  TicketEventDto,
  TicketLeadDto,
  TicketSaleDto,
  TicketTrackingDto,
} from './dto/ticket-detail-response.dto';
import { queryPrepared } from '../../common/sql/prepared-query';

export function toSaleDto(sale: Sale): TicketSaleDto {
  return {
    id: sale.id,
    ticketId: sale.ticketId,
    value: sale.value,
    description: sale.description,
    soldAt: sale.soldAt,
    createdAt: sale.createdAt,
  };
}

/** A timestamp inside json_build_object, formatted as Date#toISOString() would (milliseconds truncated, UTC). */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The whole ticket screen in one statement. Related rows come from scalar subqueries shaped as JSON rather than from
 * joins: each one is planned on its own, and planning an eight-table join cost PostgreSQL several times the
 * execution. Every table is filtered by the organization.
 */
const DETAIL_SQL = `
SELECT t.id, t.status, t.source_type, t.creator_type, t.deal_value, t.messages_count, t.sales_count, t.sales_total,
       t.assignee_id, t.assignee_name, t.closed_at, t.created_at, t.updated_at,
       (SELECT json_build_object('id', l.id, 'name', l.name, 'phone', l.phone, 'email', l.email)
          FROM leads l
         WHERE l.organization_id = $1 AND l.id = t.lead_id) AS lead,
       (SELECT json_build_object('id', c.id, 'instance', json_build_object('id', i.id, 'name', i.name,
                                                                          'phoneNumber', i.phone_number,
                                                                          'provider', i.provider))
          FROM whatsapp_conversations c
          JOIN whatsapp_instances i ON i.organization_id = $1 AND i.id = c.instance_id
         WHERE c.organization_id = $1 AND c.id = t.conversation_id) AS conversation,
       (SELECT json_build_object('id', s.id, 'name', s.name, 'color', s.color, 'order', s.position,
                                 'isClosed', s.is_closed)
          FROM ticket_stages s
         WHERE s.organization_id = $1 AND s.id = t.stage_id) AS stage,
       (SELECT json_build_object(
                 'utmSource', tr.utm_source, 'utmMedium', tr.utm_medium, 'utmCampaign', tr.utm_campaign,
                 'utmTerm', tr.utm_term, 'utmContent', tr.utm_content,
                 'platform', (SELECT json_build_object('key', p.key, 'name', p.name)
                                FROM ad_platforms p
                               WHERE p.id = tr.ad_platform_id),
                 'adId', tr.ad_id, 'sourceUrl', tr.source_url, 'adHeadline', tr.ad_headline,
                 'identifiers', (SELECT coalesce(json_object_agg(type.key, ti.value ORDER BY type.key), '{}')
                                   FROM ticket_tracking_identifiers ti
                                   JOIN tracking_identifier_types type ON type.id = ti.identifier_type_id
                                  WHERE ti.organization_id = $1 AND ti.tracking_id = tr.id))
          FROM ticket_trackings tr
         WHERE tr.organization_id = $1 AND tr.ticket_id = t.id) AS tracking,
       (SELECT json_agg(json_build_object('id', sa.id, 'value', sa.value, 'description', sa.description,
                                          'soldAt', ${iso('sa.sold_at')}, 'createdAt', ${iso('sa.created_at')})
                        ORDER BY sa.sold_at, sa.created_at)
          FROM sales sa
         WHERE sa.organization_id = $1 AND sa.ticket_id = t.id) AS sales,
       (SELECT json_agg(json_build_object('id', e.id, 'type', e.type, 'actorType', e.actor_type, 'actorId', e.actor_id,
                                          'actorName', e.actor_name, 'before', e.before, 'after', e.after,
                                          'createdAt', ${iso('e.created_at')})
                        ORDER BY e.seq)
          FROM ticket_events e
         WHERE e.organization_id = $1 AND e.ticket_id = t.id) AS events
  FROM tickets t
 WHERE t.organization_id = $1 AND t.id = $2`;

interface DetailRow {
  id: string;
  status: TicketStatus;
  source_type: TicketSourceType;
  creator_type: TicketCreatorType;
  deal_value: string;
  messages_count: number;
  sales_count: number;
  sales_total: string;
  assignee_id: string | null;
  assignee_name: string | null;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  lead: TicketLeadDto;
  conversation: TicketConversationDto;
  stage: StageResponseDto;
  tracking: TicketTrackingDto | null;
  sales: Array<Omit<TicketSaleDto, 'ticketId' | 'soldAt' | 'createdAt'> & { soldAt: string; createdAt: string }> | null;
  events: Array<Omit<TicketEventDto, 'createdAt'> & { createdAt: string }> | null;
}

/** Everything the ticket screen shows, read with the given manager (inside or outside a transaction). */
export async function loadTicketDetail(
  m: EntityManager,
  organizationId: string,
  id: string,
): Promise<TicketDetailResponseDto> {
  const [row] = await queryPrepared<DetailRow>(m, DETAIL_SQL, [organizationId, id]);
  if (!row) throw NotFoundError.of('Ticket', id);
  return {
    id: row.id,
    status: row.status,
    sourceType: row.source_type,
    creatorType: row.creator_type,
    dealValue: Number(row.deal_value),
    messagesCount: row.messages_count,
    salesCount: row.sales_count,
    totalValue: Number(row.sales_total),
    leadId: row.lead.id,
    lead: row.lead,
    conversation: row.conversation,
    stage: row.stage,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    tracking: row.tracking,
    sales: (row.sales ?? []).map((sale) => ({
      id: sale.id,
      ticketId: row.id,
      value: sale.value,
      description: sale.description,
      soldAt: new Date(sale.soldAt),
      createdAt: new Date(sale.createdAt),
    })),
    events: (row.events ?? []).map((event) => ({ ...event, createdAt: new Date(event.createdAt) })),
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
