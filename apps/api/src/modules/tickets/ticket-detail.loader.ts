import { NotFoundError } from '../../common/errors/domain-errors';
import type { Db } from '../../database/db';
import type { Sale } from '../sales/entities/sale.entity';
import type { TicketDetailResponseDto, TicketSaleDto } from './dto/ticket-detail-response.dto';
import { queueFieldsOf } from './dto/ticket-queue.dto';
import { replyWindow } from '../replies/reply-window';
import { TicketsRepository } from './tickets.repository';

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

const tickets = new TicketsRepository();

/** Everything the ticket screen shows, read with the given manager (inside or outside a transaction). */
export async function loadTicketDetail(
  db: Db,
  organizationId: string,
  id: string,
  now: Date,
): Promise<TicketDetailResponseDto> {
  const row = await tickets.findDetail(db, { organizationId, id });
  if (!row) throw NotFoundError.of('Ticket', id);
  const lastInboundAt = row.conversation.lastInboundAt === null ? null : new Date(row.conversation.lastInboundAt);
  return {
    id: row.id,
    status: row.status,
    sourceType: row.source_type,
    creatorType: row.creator_type,
    dealValue: row.deal_value,
    messagesCount: row.messages_count,
    firstResponseAt: row.first_response_at,
    replyWindow: replyWindow(row.conversation.instance.provider, lastInboundAt, now),
    salesCount: row.sales_count,
    totalValue: row.sales_total,
    leadId: row.lead.id,
    lead: row.lead,
    conversation: { ...row.conversation, lastInboundAt },
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
    touches: (row.touches ?? []).map((touch) => ({ ...touch, touchedAt: new Date(touch.touchedAt) })),
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...queueFieldsOf(row),
  };
}
