import type { TicketCreatorType, TicketSourceType, TicketStatus } from '@whatrack/shared';
import { type Expression, sql } from 'kysely';
import { jsonBuildObject } from 'kysely/helpers/postgres';
import { qb } from '../../database/query-builder';
import { ticketTouchesSubquery, type TicketTouchRow } from '../leads/lead-touches.sql';
import { lineCanSend } from '../whatsapp-instances/line-can-send.sql';
import { QUEUE_COLUMNS, type QueueRow } from './ticket-queue.sql';
import type { StageResponseDto } from '../stages/dto/stage-response.dto';
import type {
  TicketConversationDto,
  TicketEventDto,
  TicketLeadDto,
  TicketSaleDto,
  TicketTrackingDto,
} from './dto/ticket-detail-response.dto';

export interface DetailRow extends QueueRow {
  id: string;
  status: TicketStatus;
  source_type: TicketSourceType;
  creator_type: TicketCreatorType;
  deal_value: number;
  messages_count: number;
  first_response_at: Date | null;
  sales_count: number;
  sales_total: number;
  assignee_id: string | null;
  assignee_name: string | null;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  lead: TicketLeadDto;
  conversation: Omit<TicketConversationDto, 'lastInboundAt'> & { lastInboundAt: string | null };
  stage: StageResponseDto;
  tracking: TicketTrackingDto | null;
  sales: Array<Omit<TicketSaleDto, 'ticketId' | 'soldAt' | 'createdAt'> & { soldAt: string; createdAt: string }> | null;
  events: Array<Omit<TicketEventDto, 'createdAt'> & { createdAt: string }> | null;
  touches: TicketTouchRow[] | null;
}

/** A timestamp inside json_build_object, formatted as Date#toISOString() would (milliseconds truncated, UTC). */
function iso(column: Expression<Date | null>) {
  return sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * The whole ticket screen in one statement. Related rows come from scalar subqueries shaped as JSON rather than from
 * joins: each one is planned on its own, and planning an eight-table join cost PostgreSQL several times the
 * execution. Every table is filtered by the organization.
 */
export function ticketDetailQuery(organizationId: string, id: string) {
  return qb
    .selectFrom('tickets as t')
    .select((eb) => [
      't.id',
      't.status',
      't.source_type',
      't.creator_type',
      't.deal_value',
      't.messages_count',
      't.first_response_at',
      't.sales_count',
      't.sales_total',
      't.assignee_id',
      't.assignee_name',
      't.closed_at',
      't.created_at',
      't.updated_at',
      ...QUEUE_COLUMNS,
      eb
        .selectFrom('leads as l')
        .select((l) =>
          jsonBuildObject({
            id: l.ref('l.id'),
            name: l.ref('l.name'),
            phone: l.ref('l.phone'),
            email: l.ref('l.email'),
          }).as('lead'),
        )
        .where('l.organization_id', '=', organizationId)
        .whereRef('l.id', '=', 't.lead_id')
        .as('lead'),
      eb
        .selectFrom('whatsapp_conversations as c')
        .innerJoin('whatsapp_instances as i', (j) =>
          j.on('i.organization_id', '=', organizationId).onRef('i.id', '=', 'c.instance_id'),
        )
        .select((c) =>
          jsonBuildObject({
            id: c.ref('c.id'),
            instance: jsonBuildObject({
              id: c.ref('i.id'),
              name: c.ref('i.name'),
              phoneNumber: c.ref('i.phone_number'),
              provider: c.ref('i.provider'),
              canSend: lineCanSend(),
            }),
            lastInboundAt: iso(c.ref('c.last_inbound_at')),
          }).as('conversation'),
        )
        .where('c.organization_id', '=', organizationId)
        .whereRef('c.id', '=', 't.conversation_id')
        .as('conversation'),
      eb
        .selectFrom('ticket_stages as s')
        .select((s) =>
          jsonBuildObject({
            id: s.ref('s.id'),
            name: s.ref('s.name'),
            color: s.ref('s.color'),
            order: s.ref('s.position'),
            isClosed: s.ref('s.is_closed'),
          }).as('stage'),
        )
        .where('s.organization_id', '=', organizationId)
        .whereRef('s.id', '=', 't.stage_id')
        .as('stage'),
      eb
        .selectFrom('ticket_trackings as tr')
        .select((tr) =>
          jsonBuildObject({
            utmSource: tr.ref('tr.utm_source'),
            utmMedium: tr.ref('tr.utm_medium'),
            utmCampaign: tr.ref('tr.utm_campaign'),
            utmTerm: tr.ref('tr.utm_term'),
            utmContent: tr.ref('tr.utm_content'),
            platform: tr
              .selectFrom('ad_platforms as p')
              .select((p) => jsonBuildObject({ key: p.ref('p.key'), name: p.ref('p.name') }).as('platform'))
              .whereRef('p.id', '=', 'tr.ad_platform_id'),
            adId: tr.ref('tr.ad_id'),
            sourceUrl: tr.ref('tr.source_url'),
            adHeadline: tr.ref('tr.ad_headline'),
            identifiers: tr
              .selectFrom('ticket_tracking_identifiers as ti')
              .innerJoin('tracking_identifier_types as type', 'type.id', 'ti.identifier_type_id')
              .select(
                sql<
                  Record<string, string>
                >`coalesce(json_object_agg(${sql.ref('type.key')}, ${sql.ref('ti.value')} ORDER BY ${sql.ref('type.key')}), '{}')`.as(
                  'identifiers',
                ),
              )
              .where('ti.organization_id', '=', organizationId)
              .whereRef('ti.tracking_id', '=', 'tr.id'),
          }).as('tracking'),
        )
        .where('tr.organization_id', '=', organizationId)
        .whereRef('tr.ticket_id', '=', 't.id')
        .as('tracking'),
      eb
        .selectFrom('sales as sa')
        .select((sa) =>
          sql`json_agg(${jsonBuildObject({
            id: sa.ref('sa.id'),
            value: sa.ref('sa.value'),
            description: sa.ref('sa.description'),
            soldAt: iso(sa.ref('sa.sold_at')),
            createdAt: iso(sa.ref('sa.created_at')),
          })} ORDER BY ${sa.ref('sa.sold_at')}, ${sa.ref('sa.created_at')})`.as('sales'),
        )
        .where('sa.organization_id', '=', organizationId)
        .whereRef('sa.ticket_id', '=', 't.id')
        .as('sales'),
      eb
        .selectFrom('ticket_events as e')
        .select((e) =>
          sql`json_agg(${jsonBuildObject({
            id: e.ref('e.id'),
            type: e.ref('e.type'),
            actorType: e.ref('e.actor_type'),
            actorId: e.ref('e.actor_id'),
            actorName: e.ref('e.actor_name'),
            before: e.ref('e.before'),
            after: e.ref('e.after'),
            createdAt: iso(e.ref('e.created_at')),
          })} ORDER BY ${e.ref('e.seq')})`.as('events'),
        )
        .where('e.organization_id', '=', organizationId)
        .whereRef('e.ticket_id', '=', 't.id')
        .as('events'),
      ticketTouchesSubquery(eb, organizationId),
    ])
    .where('t.organization_id', '=', organizationId)
    .where('t.id', '=', id)
    .$castTo<DetailRow>();
}
