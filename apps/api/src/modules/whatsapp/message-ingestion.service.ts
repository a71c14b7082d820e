import { Injectable } from '@nestjs/common';
import { MessageDirection, TicketCreatorType, TicketEventType, TicketSourceType, TicketStatus } from '@whatrack/shared';
import type { EntityManager } from 'typeorm';
import { WhatsappMessage } from '../conversations/entities/whatsapp-message.entity';
import { findOrCreateLead } from '../leads/lead-resolver';
import { Ticket } from '../tickets/entities/ticket.entity';
import { recordTicketEvent, SYSTEM_ACTOR } from '../tickets/ticket-events';
import { findOrCreateConversation, resolveStage } from '../tickets/ticket-references';
import type { AttributionInput } from '../tracking/ticket-attribution.service';
import { TicketAttributionService } from '../tracking/ticket-attribution.service';
import { TrackingLinksService } from '../tracking-links/tracking-links.service';
import type { WhatsappInstance } from '../whatsapp-instances/entities/whatsapp-instance.entity';
import type { NormalizedMessage, NormalizedStatus } from './inbound.types';

export type IngestOutcome = 'stored' | 'duplicate';

const STATUS_RANK: Record<string, number> = { sent: 1, delivered: 2, read: 3, played: 4 };

/**
 * Turns one WhatsApp message into lead → conversation → (open or new) ticket → message, inside the caller's
 * transaction. The conversation row is locked first, so concurrent deliveries of one lead's messages apply one
 * at a time: the same message twice is a no-op, and two first messages never open two tickets.
 */
@Injectable()
export class MessageIngestionService {
  constructor(
    private readonly attribution: TicketAttributionService,
    private readonly trackingLinks: TrackingLinksService,
  ) {}

  async ingest(m: EntityManager, instance: WhatsappInstance, message: NormalizedMessage): Promise<IngestOutcome> {
    const org = instance.organizationId;
    const key = { organizationId: org, instanceId: instance.id, providerMessageId: message.providerMessageId };
    const lead = await findOrCreateLead(m, org, {
      phone: message.waId ? `+${message.waId}` : null,
      waUserId: message.waUserId,
      name: message.contactName,
    });
    const conversation = await findOrCreateConversation(m, org, lead.id, instance.id);
    await m.query('SELECT id FROM whatsapp_conversations WHERE organization_id = $1 AND id = $2 FOR UPDATE', [
      org,
      conversation.id,
    ]);
    // Checked under the conversation lock: another delivery of the same message may have committed meanwhile.
    if (await m.existsBy(WhatsappMessage, key)) return 'duplicate';

    const ticket =
      (await m.findOne(Ticket, {
        where: { organizationId: org, conversationId: conversation.id, status: TicketStatus.OPEN },
        order: { createdAt: 'DESC' },
      })) ?? (await this.openTicket(m, org, lead.id, conversation.id, message));

    const stored = m.create(WhatsappMessage, {
      ...key,
      conversationId: conversation.id,
      ticketId: ticket.id,
      direction: message.direction,
      type: message.type,
      body: message.body,
      status: null,
      sentAt: message.sentAt,
      raw: message.raw,
    });
    await m.save(WhatsappMessage, stored);
    await m.query(
      `UPDATE tickets SET messages_count = messages_count + 1, updated_at = now() WHERE organization_id = $1 AND id = $2`,
      [org, ticket.id],
    );
    await m.query(
      `UPDATE whatsapp_conversations SET last_message_at = GREATEST(COALESCE(last_message_at, $3), $3), updated_at = now()
       WHERE organization_id = $1 AND id = $2`,
      [org, conversation.id, message.sentAt],
    );
    return 'stored';
  }

  /** Delivery receipts move an outbound message's status forward (a late "delivered" never undoes "read"). */
  async applyStatus(m: EntityManager, instance: WhatsappInstance, status: NormalizedStatus): Promise<void> {
    const stored = await m.findOneBy(WhatsappMessage, {
      organizationId: instance.organizationId,
      instanceId: instance.id,
      providerMessageId: status.providerMessageId,
    });
    if (!stored) return;
    const current = STATUS_RANK[stored.status ?? ''] ?? 0;
    const next = STATUS_RANK[status.status] ?? 0;
    if (status.status !== 'failed' && next <= current) return;
    await m.update(
      WhatsappMessage,
      { organizationId: instance.organizationId, id: stored.id },
      { status: status.status },
    );
  }

  private async openTicket(
    m: EntityManager,
    org: string,
    leadId: string,
    conversationId: string,
    message: NormalizedMessage,
  ): Promise<Ticket> {
    const stage = await resolveStage(m, org);
    const input = await this.attributionFor(m, org, message);
    const resolved = await this.attribution.resolve(m, input, 'message.referral');
    const ticket = await m.save(
      Ticket,
      m.create(Ticket, {
        organizationId: org,
        conversationId,
        leadId,
        stageId: stage.id,
        assigneeId: null,
        assigneeName: null,
        dealValue: 0,
        creatorType: TicketCreatorType.SYSTEM,
        sourceType: resolved.sourceType,
        status: stage.isClosed ? TicketStatus.CLOSED : TicketStatus.OPEN,
        closedAt: stage.isClosed ? message.sentAt : null,
      }),
    );
    await this.attribution.store(m, org, ticket.id, input, resolved);
    if (input.trackingClickId) await this.trackingLinks.attachTicket(m, org, input.trackingClickId, ticket.id);
    await recordTicketEvent(m, org, ticket.id, SYSTEM_ACTOR, TicketEventType.CREATED, null, {
      stageId: stage.id,
      stageName: stage.name,
      sourceType: resolved.sourceType,
      via: 'whatsapp',
    });
    return ticket;
  }

  /** A Click-to-WhatsApp referral, else a tracking-link code in the text, else organic without UTMs. */
  private async attributionFor(
    m: EntityManager,
    org: string,
    message: NormalizedMessage,
  ): Promise<AttributionInput & { trackingClickId?: string }> {
    if (message.direction === MessageDirection.IN && message.referral) {
      const { ctwaClid, sourceId, sourceUrl, headline } = message.referral;
      return {
        clickIds: ctwaClid ? { ctwaclid: ctwaClid } : {},
        adId: sourceId,
        sourceUrl,
        adHeadline: headline,
        platformKey: 'meta_ads',
        sourceType: TicketSourceType.PAID,
      };
    }
    const click =
      message.direction === MessageDirection.IN
        ? await this.trackingLinks.findClickInText(m, org, message.body, message.sentAt)
        : null;
    if (click) {
      return {
        utmSource: click.utmSource,
        utmMedium: click.utmMedium,
        utmCampaign: click.utmCampaign,
        utmTerm: click.utmTerm,
        utmContent: click.utmContent,
        clickIds: click.clickIds,
        trackingClickId: click.id,
      };
    }
    return { clickIds: {}, sourceType: TicketSourceType.ORGANIC };
  }
}
