import { Injectable } from '@nestjs/common';
import { MessageDirection, TicketSourceType } from '@whatrack/shared';
import type { Db } from '../../database/db';
import { WhatsappConversationsRepository } from '../conversations/whatsapp-conversations.repository';
import { WhatsappMessagesRepository } from '../conversations/whatsapp-messages.repository';
import { findOrCreateNormalizedLead, normalizeWhatsappSender } from '../leads/lead-resolver';
import { LeadTouchesRepository } from '../leads/lead-touches.repository';
import type { AttributionInput } from '../tracking/ticket-attribution.service';
import { TicketAttributionService } from '../tracking/ticket-attribution.service';
import { WhatsappStatusOrphansRepository } from '../replies/whatsapp-status-orphans.repository';
import { TicketsRepository } from '../tickets/tickets.repository';
import { TrackingLinksService } from '../tracking-links/tracking-links.service';
import type { NormalizedMessage, NormalizedStatus } from './inbound.types';
import type { RoutedInstance } from './instance-lookup';
import { MessageEventsService } from './message-events.service';
import { type ConversationTarget, contactMatch, contactOf, storedMessage } from './message-store';
import { firstStage, insertSystemTicket } from './system-ticket';
import { type FoundTouch, isPaidReferral, leadTouch, referralSourceType } from './lead-touch-input';

/** What attribution reads from a message: the ticket's attribution input and the touch to record, if any. */
type MessageAttribution = AttributionInput & { trackingClickId?: string; touch: FoundTouch | null };

export type IngestOutcome = 'stored' | 'duplicate';

/**
 * Turns one WhatsApp message into lead → conversation → (open or new) ticket → message, inside the caller's
 * transaction. The conversation row is locked first, so concurrent deliveries of one lead's messages apply one
 * at a time: the same message twice is a no-op, and two first messages never open two tickets.
 */
@Injectable()
export class MessageIngestionService {
  constructor(
    private readonly attribution: TicketAttributionService,
    private readonly tickets: TicketsRepository,
    private readonly trackingLinks: TrackingLinksService,
    private readonly conversations: WhatsappConversationsRepository,
    private readonly messages: WhatsappMessagesRepository,
    private readonly orphans: WhatsappStatusOrphansRepository,
    private readonly events: MessageEventsService,
    private readonly touches: LeadTouchesRepository,
  ) {}

  /** Reactions, deletes and system notices are not chat messages: MessageEventsService applies them. */
  ingest(db: Db, instance: RoutedInstance, message: NormalizedMessage): Promise<IngestOutcome> {
    return this.events.ingest(db, instance, message, () => this.store(db, instance, message));
  }

  private async store(db: Db, instance: RoutedInstance, message: NormalizedMessage): Promise<IngestOutcome> {
    const org = instance.organizationId;
    const lead = normalizeWhatsappSender({ waId: message.waId, waUserId: message.waUserId, name: message.contactName });
    // The hot path is two statements in the common case (known lead, open ticket) and a few for a new lead.
    const match = contactMatch(lead);
    const contact = match
      ? contactOf(
          await this.conversations.lockContact(db, { organizationId: org, instanceId: instance.id, match }),
          lead,
        )
      : { kind: 'other' as const };
    const created =
      contact.kind === 'new'
        ? await this.conversations.createWithLead(db, {
            organizationId: org,
            instanceId: instance.id,
            lead,
            providerMessageId: message.providerMessageId,
          })
        : undefined;
    const known = contact.kind === 'known' ? contact : created;
    const leadId = known?.leadId ?? (await findOrCreateNormalizedLead(db, org, lead)).id;
    const conversationId = known?.conversationId ?? (await this.lockConversation(db, org, leadId, instance.id));
    const target: ConversationTarget = { organizationId: org, instanceId: instance.id, conversationId };

    // A conversation created just now has no ticket yet.
    if (created?.messageStored) return 'duplicate';
    if (!created) {
      const outcome = await this.messages.insertOnOpenTicket(db, storedMessage(target, message));
      if (outcome === 'stored') await this.attributeLate(db, target, leadId, message);
      if (outcome !== 'no-open-ticket') return outcome;
      // Checked under the conversation lock: another delivery of the same message may have committed meanwhile.
      const key = { ...target, providerMessageId: message.providerMessageId };
      if (await this.messages.exists(db, key)) return 'duplicate';
    }
    const ticketId = await this.openTicket(db, org, leadId, conversationId, message);
    await this.messages.insert(db, { ...storedMessage(target, message), ticketId });
    return 'stored';
  }

  /** The (lead, instance) conversation, created when missing, locked until the transaction ends. */
  private async lockConversation(db: Db, organizationId: string, leadId: string, instanceId: string): Promise<string> {
    const key = { organizationId, leadId, instanceId };
    const existing = await this.conversations.lock(db, key);
    if (existing) return existing;
    await this.conversations.insertIfMissing(db, key);
    const created = await this.conversations.lock(db, key);
    if (!created) throw new Error('Conversation insert did nothing but no conversation was found');
    return created;
  }

  /**
   * Delivery receipts move outbound messages' statuses forward (a late "delivered" never undoes "read"), all of a
   * delivery's at once. Statuses of messages not known (yet) are kept: the replies worker applies them when it
   * stores that provider id.
   */
  async applyStatuses(db: Db, instance: RoutedInstance, statuses: NormalizedStatus[]): Promise<void> {
    if (statuses.length === 0) return;
    const key = { organizationId: instance.organizationId, instanceId: instance.id };
    const unknown = await this.messages.advanceStatuses(db, key.organizationId, key.instanceId, statuses);
    await this.orphans.record(db, { ...key, statuses: unknown });
  }

  private async openTicket(
    db: Db,
    organizationId: string,
    leadId: string,
    conversationId: string,
    message: NormalizedMessage,
  ): Promise<string> {
    const stage = await firstStage(db, organizationId);
    const input = await this.attributionFor(db, organizationId, message);
    const resolved = await this.attribution.resolve(db, input, 'message.referral');
    const ticketId = await insertSystemTicket(db, {
      organizationId,
      conversationId,
      leadId,
      stage,
      sourceType: resolved.sourceType,
      sentAt: message.sentAt,
    });
    await this.attribution.store(db, organizationId, ticketId, input, resolved);
    if (input.trackingClickId) {
      await this.trackingLinks.attachTicket(db, organizationId, input.trackingClickId, ticketId);
    }
    // The touch that opened the ticket is the lead's history too (first-touch reports start from it).
    if (input.touch) await this.touches.insert(db, leadTouch(organizationId, leadId, message, input.touch), ticketId);
    return ticketId;
  }

  /**
   * A referral or tracking-link click on a message filed on an already open ticket. Sent before the ticket's first
   * message, it is the ticket's real origin: the ticket takes its attribution. Either way it is recorded as a touch
   * on the open ticket. Decision (see README, "Attribution on a returning lead"): a conversation keeps one open
   * ticket, so a returning lead's new ad click never opens a second one nor rewrites the original attribution (the
   * first touch); it becomes the open ticket's latest touch, which last-touch reports and conversions can use.
   */
  private async attributeLate(db: Db, target: ConversationTarget, leadId: string, message: NormalizedMessage) {
    if (message.direction !== MessageDirection.IN) return;
    const org = target.organizationId;
    const input = await this.attributionFor(db, org, message);
    if (!input.touch) return;
    const ticketId = await this.tickets.findReattributable(db, {
      organizationId: org,
      conversationId: target.conversationId,
      providerMessageId: message.providerMessageId,
      sentAt: message.sentAt,
    });
    if (ticketId) {
      const resolved = await this.attribution.resolve(db, input, 'message.referral');
      await this.tickets.resetAttribution(db, { organizationId: org, ticketId, sourceType: resolved.sourceType });
      await this.attribution.store(db, org, ticketId, input, resolved);
      if (input.trackingClickId) await this.trackingLinks.attachTicket(db, org, input.trackingClickId, ticketId);
    }
    const key = { instanceId: target.instanceId, providerMessageId: message.providerMessageId };
    await this.touches.insertForMessage(db, leadTouch(org, leadId, message, input.touch), key);
  }

  /** A Click-to-WhatsApp referral, else a tracking-link code in the text, else organic without UTMs. */
  private async attributionFor(db: Db, org: string, message: NormalizedMessage): Promise<MessageAttribution> {
    if (message.direction === MessageDirection.IN && message.referral) {
      const { ctwaClid, sourceId, sourceUrl, headline } = message.referral;
      const clickIds: Record<string, string> = ctwaClid ? { ctwaclid: ctwaClid } : {};
      // Only an ad is paid; a referral from a post is organic, still Meta's for platform reports.
      const referralType = referralSourceType(message);
      return {
        clickIds,
        adId: sourceId,
        sourceUrl,
        adHeadline: headline,
        platformKey: 'meta_ads',
        sourceType: isPaidReferral(referralType) ? TicketSourceType.PAID : TicketSourceType.ORGANIC,
        touch: {
          kind: 'ctwa_referral',
          platformKey: 'meta_ads',
          sourceType: referralType,
          clickIds,
          adId: sourceId,
          sourceUrl,
          headline,
          ...NO_UTMS,
        },
      };
    }
    const click =
      message.direction === MessageDirection.IN
        ? await this.trackingLinks.findClickInText(db, org, message.body, message.sentAt)
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
        touch: {
          kind: 'tracking_link',
          platformKey: null,
          sourceType: null,
          clickIds: click.clickIds,
          adId: null,
          sourceUrl: null,
          headline: null,
          utmSource: click.utmSource,
          utmMedium: click.utmMedium,
          utmCampaign: click.utmCampaign,
          utmTerm: click.utmTerm,
          utmContent: click.utmContent,
        },
      };
    }
    return { clickIds: {}, sourceType: TicketSourceType.ORGANIC, touch: null };
  }
}

const NO_UTMS = { utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null };
