import type { TicketCreatorType, TicketSourceType, TicketStatus } from '@whatrack/shared';
import type { NewTracking } from '../tracking/ticket-trackings.repository';
import type { Actor } from './ticket-events.repository';

export interface StageRef {
  id: string;
  name: string;
  isClosed: boolean;
}

/** A new ticket, opened by a user or an API key (with its tracking) or by WhatsApp (creator SYSTEM, no tracking). */
export interface NewTicket {
  organizationId: string;
  conversationId: string;
  leadId: string;
  stage: StageRef;
  assignee: { id: string; name: string } | null;
  dealValue: number;
  creatorType: TicketCreatorType;
  sourceType: TicketSourceType;
  /** When the ticket is born in a closed stage. */
  closedAt: Date | null;
  /** Its "created" timeline event. */
  created: { actor: Actor; after: Record<string, unknown> };
  /** The tracking row and click ids stored with it; null when stored apart (WhatsApp ingestion). */
  tracking: NewTracking | null;
}

/** A ticket row, as the service changes it. */
export interface TicketRow {
  id: string;
  organizationId: string;
  conversationId: string;
  leadId: string;
  stageId: string;
  assigneeId: string | null;
  assigneeName: string | null;
  dealValue: number;
  creatorType: TicketCreatorType;
  sourceType: TicketSourceType;
  status: TicketStatus;
  closedAt: Date | null;
  messagesCount: number;
  salesCount: number;
  salesTotal: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns an update may change, in the order they are written. */
export type TicketChanges = Partial<
  Pick<TicketRow, 'stageId' | 'status' | 'closedAt' | 'assigneeId' | 'assigneeName' | 'dealValue'>
>;
export const EDITABLE = {
  stageId: 'stage_id',
  status: 'status',
  closedAt: 'closed_at',
  assigneeId: 'assignee_id',
  assigneeName: 'assignee_name',
  dealValue: 'deal_value',
} as const satisfies Record<keyof TicketChanges, string>;
