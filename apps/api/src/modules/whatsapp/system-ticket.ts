import { TicketCreatorType, type TicketSourceType } from '@whatrack/shared';
import type { Db } from '../../database/db';
import { SYSTEM_ACTOR } from '../tickets/ticket-events';
import { resolveStage } from '../tickets/ticket-references';
import { type StageRef, TicketsRepository } from '../tickets/tickets.repository';

export interface NewSystemTicket {
  organizationId: string;
  conversationId: string;
  leadId: string;
  stage: StageRef;
  sourceType: TicketSourceType;
  /** When the message arrived; the ticket's closing time if the first stage is a closed one. */
  sentAt: Date;
}

const tickets = new TicketsRepository();

/**
 * Inserts a ticket opened by WhatsApp (creator SYSTEM, unassigned, no deal value) and its "created" timeline event
 * in one statement (TicketsRepository.create; its tracking is stored apart). Returns the ticket id.
 */
export function insertSystemTicket(db: Db, ticket: NewSystemTicket): Promise<string> {
  const { stage, sourceType } = ticket;
  return tickets.create(db, {
    organizationId: ticket.organizationId,
    conversationId: ticket.conversationId,
    leadId: ticket.leadId,
    stage,
    assignee: null,
    dealValue: 0,
    creatorType: TicketCreatorType.SYSTEM,
    sourceType,
    closedAt: stage.isClosed ? ticket.sentAt : null,
    created: {
      actor: SYSTEM_ACTOR,
      after: { stageId: stage.id, stageName: stage.name, sourceType, via: 'whatsapp' },
    },
    tracking: null,
  });
}

/** By transaction (its Db, or the EntityManager a caller still passes), the first stage of each organization. */
const stagesByTransaction = new WeakMap<object, Map<string, Promise<StageRef>>>();

/**
 * The organization's first stage, where WhatsApp opens tickets, looked up once per transaction: a batch of
 * webhook events opens many tickets for the same few organizations.
 */
export function firstStage(db: Db, organizationId: string): Promise<StageRef> {
  let stages = stagesByTransaction.get(db);
  if (!stages) stagesByTransaction.set(db, (stages = new Map<string, Promise<StageRef>>()));
  let stage = stages.get(organizationId);
  if (!stage) stages.set(organizationId, (stage = resolveStage(db, organizationId)));
  return stage;
}
