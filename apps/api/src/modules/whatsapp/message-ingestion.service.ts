import { Injectable } from '@nestjs/common';
import { MessageDirection, TicketSourceType } from '@whatrack/shared';
import type { EntityManager } from 'typeorm';
import { findOrCreateNormalizedLead, normalizeWhatsappSender } from '../leads/lead-resolver';
import type { AttributionInput } from '../tracking/ticket-attribution.service';
import { TicketAttributionService } from '../tracking/ticket-attribution.service';
import { TrackingLinksService } from '../tracking-links/tracking-links.service';
import type { NormalizedMessage, NormalizedStatus } from './inbound.types';
import type { RoutedInstance } from './instance-lookup';
import { createContact, isStored, lookupContact, storeOnOpenTicket, storeOnTicket } from './message-store';
import { clearTicketAttribution, ticketOpenedLater } from './late-attribution';
import { firstStage, insertSystemTicket } from './system-ticket';
import { queryPrepared } from '../../common/sql/prepared-query';

export type IngestOutcome = 'stored' | 'duplicate';

/** Outbound statuses in the order they happen; "failed" may come at any time. */
const STATUS_ORDER = ['sent', 'delivered', 'read', 'played'];

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

  async ingest(m: EntityManager, instance: RoutedInstance, message: NormalizedMessage): Promise<IngestOutcome> {
    const org = instance.organizationId;
    const lead = normalizeWhatsappSender({ waId: message.waId, waUserId: message.waUserId, name: message.contactName });
    // The hot path is plain SQL, two statements in the common case (known lead, open ticket) and a few for a new
    // lead: TypeORM's repository layer and many small statements cost more CPU than the work itself.
    const contact = await lookupContact(m, org, instance.id, lead);
    const created =
      contact.kind === 'new' ? await createContact(m, org, instance.id, lead, message.providerMessageId) : null;
    const known = contact.kind === 'known' ? contact : created;
    const leadId = known?.leadId ?? (await findOrCreateNormalizedLead(m, org, lead)).id;
    const conversationId = known?.conversationId ?? (await this.lockConversation(m, org, leadId, instance.id));
    const target = { organizationId: org, instanceId: instance.id, conversationId };

    // A conversation created just now has no ticket yet.
    if (created?.messageStored) return 'duplicate';
    if (!created) {
      const outcome = await storeOnOpenTicket(m, target, message);
      if (outcome === 'stored') await this.attributeLate(m, org, conversationId, message);
      if (outcome !== 'no-open-ticket') return outcome;
      // Checked under the conversation lock: another delivery of the same message may have committed meanwhile.
      if (await isStored(m, target, message.providerMessageId)) return 'duplicate';
    }
    const ticketId = await this.openTicket(m, org, leadId, conversationId, message);
    await storeOnTicket(m, target, ticketId, message);
    return 'stored';
  }

  /** The (lead, instance) conversation, created when missing, locked until the transaction ends. */
  private async lockConversation(m: EntityManager, org: string, leadId: string, instanceId: string): Promise<string> {
    const select = `SELECT id FROM whatsapp_conversations
                    WHERE organization_id = $1 AND lead_id = $2 AND instance_id = $3 FOR UPDATE`;
    const [existing] = await queryPrepared<{ id: string }>(m, select, [org, leadId, instanceId]);
    if (existing) return existing.id;
    await queryPrepared(
      m,
      `INSERT INTO whatsapp_conversations (organization_id, lead_id, instance_id) VALUES ($1, $2, $3)
       ON CONFLICT (organization_id, lead_id, instance_id) DO NOTHING`,
      [org, leadId, instanceId],
    );
    const [created] = await queryPrepared<{ id: string }>(m, select, [org, leadId, instanceId]);
    return created.id;
  }

  /** Delivery receipts move an outbound message's status forward (a late "delivered" never undoes "read"). */
  async applyStatus(m: EntityManager, instance: RoutedInstance, status: NormalizedStatus): Promise<void> {
    await queryPrepared(
      m,
      `UPDATE whatsapp_messages SET status = $4, updated_at = now()
       WHERE organization_id = $1 AND instance_id = $2 AND provider_message_id = $3
         AND ($4 = 'failed' OR COALESCE(array_position($5::varchar[], status), 0) < COALESCE(array_position($5::varchar[], $4), 0))`,
      [instance.organizationId, instance.id, status.providerMessageId, status.status, STATUS_ORDER],
    );
  }

  private async openTicket(
    m: EntityManager,
    organizationId: string,
    leadId: string,
    conversationId: string,
    message: NormalizedMessage,
  ): Promise<string> {
    const stage = await firstStage(m, organizationId);
    const input = await this.attributionFor(m, organizationId, message);
    const resolved = await this.attribution.resolve(m, input, 'message.referral');
    const ticketId = await insertSystemTicket(m, {
      organizationId,
      conversationId,
      leadId,
      stage,
      sourceType: resolved.sourceType,
      sentAt: message.sentAt,
    });
    await this.attribution.store(m, organizationId, ticketId, input, resolved);
    if (input.trackingClickId) {
      await this.trackingLinks.attachTicket(m, organizationId, input.trackingClickId, ticketId);
    }
    return ticketId;
  }

  /** Gives an open ticket the attribution of a message that arrived after it but was sent before its first one. */
  private async attributeLate(m: EntityManager, org: string, conversationId: string, message: NormalizedMessage) {
    if (message.direction !== MessageDirection.IN) return;
    const input = await this.attributionFor(m, org, message);
    if (!input.platformKey && !input.trackingClickId) return;
    const ticketId = await ticketOpenedLater(m, org, conversationId, message);
    if (!ticketId) return;
    const resolved = await this.attribution.resolve(m, input, 'message.referral');
    await clearTicketAttribution(m, org, ticketId, resolved.sourceType);
    await this.attribution.store(m, org, ticketId, input, resolved);
    if (input.trackingClickId) await this.trackingLinks.attachTicket(m, org, input.trackingClickId, ticketId);
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
