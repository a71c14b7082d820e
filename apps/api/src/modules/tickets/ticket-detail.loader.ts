import type { EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/errors/domain-errors';
import { WhatsappConversation } from '../conversations/entities/whatsapp-conversation.entity';
import { Lead } from '../leads/entities/lead.entity';
import { Sale } from '../sales/entities/sale.entity';
import { StageResponseDto } from '../stages/dto/stage-response.dto';
import { TicketStage } from '../stages/entities/ticket-stage.entity';
import { AdPlatform } from '../tracking/entities/ad-platform.entity';
import { TicketTrackingIdentifier } from '../tracking/entities/ticket-tracking-identifier.entity';
import { TicketTracking } from '../tracking/entities/ticket-tracking.entity';
import { TrackingIdentifierType } from '../tracking/entities/tracking-identifier-type.entity';
import { WhatsappInstance } from '../whatsapp-instances/entities/whatsapp-instance.entity';
import type { TicketDetailResponseDto, TicketSaleDto, TicketTrackingDto } from './dto/ticket-detail-response.dto';
import { TicketEvent } from './entities/ticket-event.entity';
import { Ticket } from './entities/ticket.entity';

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

async function loadTracking(
  m: EntityManager,
  organizationId: string,
  ticketId: string,
): Promise<TicketTrackingDto | null> {
  const tracking = await m.findOneBy(TicketTracking, { organizationId, ticketId });
  if (!tracking) return null;
  const platform = tracking.adPlatformId ? await m.findOneBy(AdPlatform, { id: tracking.adPlatformId }) : null;
  const rows = await m
    .createQueryBuilder(TicketTrackingIdentifier, 'i')
    .innerJoin(TrackingIdentifierType, 'type', 'type.id = i.identifierTypeId')
    .select(['type.key AS key', 'i.value AS value'])
    .where('i.organizationId = :organizationId AND i.trackingId = :trackingId', {
      organizationId,
      trackingId: tracking.id,
    })
    .orderBy('type.key')
    .getRawMany<{ key: string; value: string }>();
  return {
    utmSource: tracking.utmSource,
    utmMedium: tracking.utmMedium,
    utmCampaign: tracking.utmCampaign,
    utmTerm: tracking.utmTerm,
    utmContent: tracking.utmContent,
    platform: platform ? { key: platform.key, name: platform.name } : null,
    adId: tracking.adId,
    sourceUrl: tracking.sourceUrl,
    adHeadline: tracking.adHeadline,
    identifiers: Object.fromEntries(rows.map((r) => [r.key, r.value])),
  };
}

/** Everything the ticket screen shows, read with the given manager (inside or outside a transaction). */
export async function loadTicketDetail(
  m: EntityManager,
  organizationId: string,
  id: string,
): Promise<TicketDetailResponseDto> {
  const ticket = await m.findOneBy(Ticket, { organizationId, id });
  if (!ticket) throw NotFoundError.of('Ticket', id);
  const lead = await m.findOneByOrFail(Lead, { organizationId, id: ticket.leadId });
  const conversation = await m.findOneByOrFail(WhatsappConversation, { organizationId, id: ticket.conversationId });
  const instance = await m.findOneByOrFail(WhatsappInstance, { organizationId, id: conversation.instanceId });
  const stage = await m.findOneByOrFail(TicketStage, { organizationId, id: ticket.stageId });
  const tracking = await loadTracking(m, organizationId, id);
  const sales = await m.find(Sale, {
    where: { organizationId, ticketId: id },
    order: { soldAt: 'ASC', createdAt: 'ASC' },
  });
  const events = await m.find(TicketEvent, {
    where: { organizationId, ticketId: id },
    order: { seq: 'ASC' },
  });
  return {
    id: ticket.id,
    status: ticket.status,
    sourceType: ticket.sourceType,
    creatorType: ticket.creatorType,
    dealValue: ticket.dealValue,
    messagesCount: ticket.messagesCount,
    salesCount: ticket.salesCount,
    totalValue: ticket.salesTotal,
    leadId: lead.id,
    lead: { id: lead.id, name: lead.name, phone: lead.phone, email: lead.email },
    conversation: {
      id: conversation.id,
      instance: {
        id: instance.id,
        name: instance.name,
        phoneNumber: instance.phoneNumber,
        provider: instance.provider,
      },
    },
    stage: StageResponseDto.from(stage),
    assigneeId: ticket.assigneeId,
    assigneeName: ticket.assigneeName,
    tracking,
    sales: sales.map(toSaleDto),
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      actorType: e.actorType,
      actorId: e.actorId,
      actorName: e.actorName,
      before: e.before,
      after: e.after,
      createdAt: e.createdAt,
    })),
    closedAt: ticket.closedAt,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
  };
}
