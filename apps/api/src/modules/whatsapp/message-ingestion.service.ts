import { Injectable } from '@nestjs/common';
import { MessageDirection, TicketCreatorType, TicketEventType, TicketSourceType, TicketStatus } from '@whatrack/shared';
import type { EntityManager } from 'typeorm';
import { WhatsappMessage } from '../conversations/entities/whatsapp-message.entity';
import { findOrCreateLead } from '../leads/lead-resolver';
import { Ticket } from '../tickets/entities/ticket.entity';
import { recordTicketEvent, SYSTEM_ACTOR } from '../tickets/ticket-events';
import { resolveStage } from '../tickets/ticket-references';
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
    const lead = await findOrCreateLead(m, org, {
      phone: message.waId ? `+${message.waId}` : null,
      waUserId: message.waUserId,
      name: message.contactName,
    });
    // The hot path of every message: plain SQL, one round trip per step (TypeORM's repository layer cost as
    // much CPU as the work itself in the webhook benchmark).
    const conversationId = await this.lockConversation(m, org, lead.id, instance.id);
    // Checked under the conversation lock: another delivery of the same message may have committed meanwhile.
    const [duplicate] = await m.query<unknown[]>(
      'SELECT 1 FROM whatsapp_messages WHERE organization_id = $1 AND instance_id = $2 AND provider_message_id = $3',
      [org, instance.id, message.providerMessageId],
    );
    if (duplicate) return 'duplicate';

    const [open] = await m.query<{ id: string }[]>(
      `SELECT id FROM tickets WHERE organization_id = $1 AND conversation_id = $2 AND status = 'open'
       ORDER BY created_at DESC LIMIT 1`,
      [org, conversationId],
    );
    const ticketId = open?.id ?? (await this.openTicket(m, org, lead.id, conversationId, message)).id;

    await m.query(
      `WITH msg AS (
         INSERT INTO whatsapp_messages (organization_id, conversation_id, ticket_id, instance_id, provider_message_id,
                                        direction, type, body, sent_at, raw)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING 1),
       t AS (UPDATE tickets SET messages_count = messages_count + 1, updated_at = now()
             WHERE organization_id = $1 AND id = $3 RETURNING 1)
       UPDATE whatsapp_conversations SET last_message_at = GREATEST(COALESCE(last_message_at, $9), $9), updated_at = now()
       WHERE organization_id = $1 AND id = $2`,
      [
        org,
        conversationId,
        ticketId,
        instance.id,
        message.providerMessageId,
        message.direction,
        message.type,
        message.body,
        message.sentAt,
        JSON.stringify(message.raw),
      ],
    );
    return 'stored';
  }

  /** The (lead, instance) conversation, created when missing, locked until the transaction ends. */
  private async lockConversation(m: EntityManager, org: string, leadId: string, instanceId: string): Promise<string> {
    const select = `SELECT id FROM whatsapp_conversations
                    WHERE organization_id = $1 AND lead_id = $2 AND instance_id = $3 FOR UPDATE`;
    const [existing] = await m.query<{ id: string }[]>(select, [org, leadId, instanceId]);
    if (existing) return existing.id;
    await m.query(
      `INSERT INTO whatsapp_conversations (organization_id, lead_id, instance_id) VALUES ($1, $2, $3)
       ON CONFLICT (organization_id, lead_id, instance_id) DO NOTHING`,
      [org, leadId, instanceId],
    );
    const [created] = await m.query<{ id: string }[]>(select, [org, leadId, instanceId]);
    return created.id;
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
