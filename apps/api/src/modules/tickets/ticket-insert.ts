import { type TicketCreatorType, TicketEventType, type TicketSourceType, TicketStatus } from '@whatrack/shared';
import type { EntityManager } from 'typeorm';
import type {
  AttributionInput,
  ResolvedAttribution,
  TicketAttributionService,
} from '../tracking/ticket-attribution.service';
import { queryPrepared } from '../../common/sql/prepared-query';
import { SqlParams } from '../../common/sql/sql-params';
import { type Actor, jsonOrNull } from './ticket-events';
import type { TicketReferences } from './ticket-references';

export interface NewTicket {
  organizationId: string;
  leadId: string;
  conversationId: string;
  references: TicketReferences;
  dealValue: number;
  sourceType: TicketSourceType;
  /** When the ticket is born in a closed stage. */
  closedAt: Date | null;
  creatorType: TicketCreatorType;
  actor: Actor;
}

/**
 * Inserts the ticket, its tracking row and click ids and its "created" event in one statement (one round trip
 * instead of four, without TypeORM's save() machinery). Returns the ticket id.
 */
export async function insertTicket(
  m: EntityManager,
  attribution: TicketAttributionService,
  ticket: NewTicket,
  tracking: AttributionInput,
  resolved: ResolvedAttribution,
): Promise<string> {
  const { stage, assignee } = ticket.references;
  const p = new SqlParams();
  const org = p.add(ticket.organizationId);
  const columns = [
    ticket.conversationId,
    ticket.leadId,
    stage.id,
    assignee?.id ?? null,
    assignee?.name ?? null,
    ticket.dealValue,
    ticket.creatorType,
    ticket.sourceType,
    stage.isClosed ? TicketStatus.CLOSED : TicketStatus.OPEN,
    ticket.closedAt,
  ]
    .map((value) => p.add(value))
    .join(', ');
  const created = {
    stageId: stage.id,
    stageName: stage.name,
    assigneeId: assignee?.id ?? null,
    dealValue: ticket.dealValue,
  };
  const { actor } = ticket;
  const event = [TicketEventType.CREATED, actor.type, actor.id, actor.name, jsonOrNull(created)]
    .map((value) => p.add(value))
    .join(', ');
  const trackingInserts = await attribution.trackingInsertsSql(m, p, org, 'ticket', tracking, resolved);
  const [row] = await queryPrepared<{ id: string }>(
    m,
    `WITH ticket AS (
       INSERT INTO tickets (organization_id, conversation_id, lead_id, stage_id, assignee_id, assignee_name, deal_value,
                            creator_type, source_type, status, closed_at)
       VALUES (${org}, ${columns})
       RETURNING id),
     ${trackingInserts},
     event AS (
       INSERT INTO ticket_events (organization_id, ticket_id, type, actor_type, actor_id, actor_name, after)
       SELECT ${org}, ticket.id, ${event} FROM ticket)
     SELECT id FROM ticket`,
    p.values,
  );
  return row.id;
}
