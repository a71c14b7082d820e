import { TicketCreatorType, TicketEventType, type TicketSourceType, TicketStatus } from '@whatrack/shared';
import type { EntityManager } from 'typeorm';
import type { TicketStage } from '../stages/entities/ticket-stage.entity';
import { resolveStage } from '../tickets/ticket-references';
import { SYSTEM_ACTOR } from '../tickets/ticket-events';
import { queryPrepared } from '../../common/sql/prepared-query';

export interface NewSystemTicket {
  organizationId: string;
  conversationId: string;
  leadId: string;
  stage: Pick<TicketStage, 'id' | 'name' | 'isClosed'>;
  sourceType: TicketSourceType;
  /** When the message arrived; the ticket's closing time if the first stage is a closed one. */
  sentAt: Date;
}

/**
 * Inserts a ticket opened by WhatsApp (creator SYSTEM, unassigned, no deal value) and its "created" timeline event
 * in one statement, instead of two ORM saves. Returns the ticket id.
 */
export async function insertSystemTicket(m: EntityManager, ticket: NewSystemTicket): Promise<string> {
  const { stage } = ticket;
  const created = { stageId: stage.id, stageName: stage.name, sourceType: ticket.sourceType, via: 'whatsapp' };
  const [row] = await queryPrepared<{ id: string }>(
    m,
    `WITH ticket AS (
       INSERT INTO tickets (organization_id, conversation_id, lead_id, stage_id, creator_type, source_type, status,
                            closed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id),
     event AS (
       INSERT INTO ticket_events (organization_id, ticket_id, type, actor_type, actor_id, actor_name, before, after)
       SELECT $1, id, $9, $10, NULL, $11, NULL, $12::jsonb FROM ticket)
     SELECT id FROM ticket`,
    [
      ticket.organizationId,
      ticket.conversationId,
      ticket.leadId,
      stage.id,
      TicketCreatorType.SYSTEM,
      ticket.sourceType,
      stage.isClosed ? TicketStatus.CLOSED : TicketStatus.OPEN,
      stage.isClosed ? ticket.sentAt : null,
      TicketEventType.CREATED,
      SYSTEM_ACTOR.type,
      SYSTEM_ACTOR.name,
      JSON.stringify(created),
    ],
  );
  return row.id;
}

const stagesByTransaction = new WeakMap<EntityManager, Map<string, Promise<TicketStage>>>();

/**
 * The organization's first stage, where WhatsApp opens tickets, looked up once per transaction: a batch of
 * webhook events opens many tickets for the same few organizations.
 */
export function firstStage(m: EntityManager, organizationId: string): Promise<TicketStage> {
  let stages = stagesByTransaction.get(m);
  if (!stages) stagesByTransaction.set(m, (stages = new Map<string, Promise<TicketStage>>()));
  let stage = stages.get(organizationId);
  if (!stage) stages.set(organizationId, (stage = resolveStage(m, organizationId)));
  return stage;
}
