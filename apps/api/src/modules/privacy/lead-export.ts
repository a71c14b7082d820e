import type { ConversionsRepository } from '../conversions/conversions.repository';
import type { WhatsappMessagesRepository } from '../conversations/whatsapp-messages.repository';
import type { LeadTouchesRepository } from '../leads/lead-touches.repository';
import type { LeadConversationRow, LeadRow } from '../leads/leads.repository';
import type { SaleRow } from '../sales/sales.repository';
import type { TicketEventsRepository } from '../tickets/ticket-events.repository';
import type { TicketsRepository } from '../tickets/tickets.repository';
import type { TicketTrackingsRepository } from '../tracking/ticket-trackings.repository';
import type { ExportedMessageDto, ExportedTicketDto, LeadExportDto } from './dto/lead-export.dto';

type RowsOf<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

/** What the repositories answer about one lead, assembled into the export document by buildLeadExport. */
export interface LeadExportParts {
  lead: LeadRow;
  touches: RowsOf<LeadTouchesRepository['listOfLead']>;
  conversations: LeadConversationRow[];
  tickets: RowsOf<TicketsRepository['listOfLead']>;
  trackings: RowsOf<TicketTrackingsRepository['listOfLead']>;
  sales: SaleRow[];
  events: RowsOf<TicketEventsRepository['listOfLead']>;
  messages: RowsOf<WhatsappMessagesRepository['listOfLead']>;
  conversions: RowsOf<ConversionsRepository['listOfLead']>;
}

function groupByTicket<T extends { ticketId: string | null }>(rows: T[]): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  for (const row of rows) groups.set(row.ticketId, [...(groups.get(row.ticketId) ?? []), row]);
  return groups;
}

function toMessage(m: LeadExportParts['messages'][number]): ExportedMessageDto {
  return {
    id: m.id,
    conversationId: m.conversationId,
    direction: m.direction,
    type: m.type,
    body: m.body,
    content: m.content as Record<string, unknown> | null,
    status: m.status,
    sentAt: m.sentAt,
    deletedAt: m.deletedAt,
    media:
      m.mediaKind === null || m.mediaStatus === null
        ? null
        : {
            kind: m.mediaKind,
            status: m.mediaStatus,
            mimeType: m.mediaMimeType,
            fileName: m.mediaFileName,
            sizeBytes: m.mediaSizeBytes,
            url: m.mediaStatus === 'stored' ? `/api/v1/messages/${m.id}/media` : null,
          },
  };
}

export function buildLeadExport(parts: LeadExportParts, exportedAt: Date): LeadExportDto {
  const { lead } = parts;
  const trackings = new Map(parts.trackings.map(({ ticketId, ...t }) => [ticketId, t]));
  const sales = groupByTicket(parts.sales);
  const events = groupByTicket(parts.events);
  const messages = groupByTicket(parts.messages);
  const conversions = groupByTicket(parts.conversions);
  const tickets = parts.tickets.map((t): ExportedTicketDto => ({
    id: t.id,
    conversationId: t.conversationId,
    status: t.status,
    sourceType: t.sourceType,
    stage: { id: t.stageId, name: t.stageName },
    assigneeName: t.assigneeName,
    dealValue: t.dealValue,
    messagesCount: t.messagesCount,
    createdAt: t.createdAt,
    closedAt: t.closedAt,
    tracking: trackings.get(t.id) ?? null,
    sales: (sales.get(t.id) ?? []).map((s) => ({
      id: s.id,
      value: s.value,
      description: s.description,
      soldAt: s.soldAt,
    })),
    events: (events.get(t.id) ?? []).map((e) => ({
      type: e.type,
      actorType: e.actorType,
      actorName: e.actorName,
      before: e.before as Record<string, unknown> | null,
      after: e.after as Record<string, unknown> | null,
      createdAt: e.createdAt,
    })),
    messages: (messages.get(t.id) ?? []).map(toMessage),
    conversions: (conversions.get(t.id) ?? []).map(({ ticketId: _ticket, ...c }) => ({
      ...c,
      payload: c.payload as Record<string, unknown>,
    })),
  }));
  return {
    exportedAt,
    lead: {
      id: lead.id,
      name: lead.name,
      phone: lead.phone,
      email: lead.email,
      waUserId: lead.waUserId,
      erasedAt: lead.erasedAt,
      createdAt: lead.createdAt,
    },
    touches: parts.touches.map(({ ticketId, ...t }) => ({
      ...t,
      ticketId,
      clickIds: t.clickIds as Record<string, string>,
    })),
    conversations: parts.conversations.map((c) => ({
      id: c.id,
      instanceName: c.instanceName,
      instancePhoneNumber: c.instancePhoneNumber,
      lastMessageAt: c.lastMessageAt,
      createdAt: c.createdAt,
    })),
    tickets,
  };
}
