import { Injectable } from '@nestjs/common';
import { MessageDirection, TicketEventType } from '@whatrack/shared';
import type { Db } from '../../database/db';
import { WhatsappMessageReactionsRepository } from '../conversations/whatsapp-message-reactions.repository';
import { WhatsappMessagesRepository } from '../conversations/whatsapp-messages.repository';
import { TicketEventsRepository } from '../tickets/ticket-events.repository';
import { SYSTEM_ACTOR } from '../tickets/ticket-events';
import { TicketsRepository } from '../tickets/tickets.repository';
import { IdentityChanges } from './identity-changes';
import type { MessageEvent, NormalizedMessage } from './inbound.types';
import type { RoutedInstance } from './instance-lookup';
import { clip } from './message-fit';
import type { IngestOutcome } from './message-ingestion.service';

/** numeric(14, 2): an order total past it is not a deal value anyone typed. */
const DEAL_VALUE_MAX = 999_999_999_999.99;
const EMOJI_MAX = 64;

/**
 * What a delivery does besides being a chat message, in the ingesting transaction:
 * - a reaction attaches to the message it reacts to (the last one of each side; an empty emoji removes it) and is no
 *   chat message, opens no ticket; one to a message we do not hold is kept and shows when that message arrives;
 * - "deleted for everyone" marks the original deleted (kept for the record) and opens no ticket; one for a message
 *   we do not hold changes nothing (the webhook event keeps the delivery);
 * - a system notice (number or business-scoped user id changed) moves the lead to its new ids and is filed in the
 *   chat without opening a ticket (IdentityChanges);
 * - an inbound order stored on a ticket without a deal value (zero) proposes the order's total as the deal value,
 *   recorded on the ticket's timeline as the system's change. The currency is not converted: the ticket's deal
 *   value has none, and a WhatsApp catalog sells in the business's currency.
 */
@Injectable()
export class MessageEventsService {
  constructor(
    private readonly messages: WhatsappMessagesRepository,
    private readonly reactions: WhatsappMessageReactionsRepository,
    private readonly tickets: TicketsRepository,
    private readonly ticketEvents: TicketEventsRepository,
    private readonly identities: IdentityChanges,
  ) {}

  /** `store` stores the message as a chat message (the usual path), for the deliveries that are one. */
  async ingest(
    db: Db,
    instance: RoutedInstance,
    message: NormalizedMessage,
    store: () => Promise<IngestOutcome>,
  ): Promise<IngestOutcome> {
    const event = message.event;
    if (event) return this.apply(db, instance, message, event);
    if (message.type === 'system') return this.identities.fileNotice(db, instance, message);
    const outcome = await store();
    if (outcome === 'stored' && message.content?.order) await this.proposeDealValue(db, instance, message);
    return outcome;
  }

  private async apply(
    db: Db,
    instance: RoutedInstance,
    message: NormalizedMessage,
    event: MessageEvent,
  ): Promise<IngestOutcome> {
    const key = { organizationId: instance.organizationId, instanceId: instance.id };
    if (event.kind === 'reaction') {
      await this.reactions.record(db, {
        ...key,
        targetProviderMessageId: event.targetProviderMessageId,
        direction: message.direction === MessageDirection.OUT ? 'out' : 'in',
        emoji: event.emoji ? clip(event.emoji, EMOJI_MAX) : null,
        reactedAt: message.sentAt,
        providerMessageId: message.providerMessageId,
      });
      return 'stored';
    }
    if (event.kind === 'revoke') {
      const at = message.sentAt;
      const found = await this.messages.markDeleted(db, {
        ...key,
        providerMessageId: event.targetProviderMessageId,
        at,
      });
      return found ? 'stored' : 'duplicate';
    }
    return this.identities.apply(db, instance, message, event);
  }

  private async proposeDealValue(db: Db, instance: RoutedInstance, message: NormalizedMessage): Promise<void> {
    const total = message.content?.order?.total ?? 0;
    if (message.direction !== MessageDirection.IN || !(total > 0) || total > DEAL_VALUE_MAX) return;
    const organizationId = instance.organizationId;
    const dealValue = Math.round(total * 100) / 100;
    const ticketId = await this.tickets.proposeDealValue(db, {
      organizationId,
      instanceId: instance.id,
      providerMessageId: message.providerMessageId,
      dealValue,
    });
    if (!ticketId) return;
    await this.ticketEvents.record(db, {
      organizationId,
      ticketId,
      actor: SYSTEM_ACTOR,
      type: TicketEventType.DEAL_VALUE_CHANGED,
      before: { dealValue: 0 },
      after: { dealValue, via: 'whatsapp_order' },
    });
  }
}
