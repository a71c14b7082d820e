import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/db';
import { WhatsappConversationsRepository } from '../conversations/whatsapp-conversations.repository';
import { WhatsappMessagesRepository } from '../conversations/whatsapp-messages.repository';
import { type NormalizedLead, normalizeWhatsappSender } from '../leads/lead-resolver';
import { type LeadPatch, type LeadRow, LeadsRepository } from '../leads/leads.repository';
import { TicketsRepository } from '../tickets/tickets.repository';
import type { MessageEvent, NormalizedMessage } from './inbound.types';
import type { IngestOutcome } from './message-ingestion.service';
import type { RoutedInstance } from './instance-lookup';
import { storedMessage } from './message-store';

type IdentityEvent = Extract<MessageEvent, { kind: 'identity' }>;

const leads = new LeadsRepository();

/** A lead's keys from WhatsApp ids (digits of a wa_id, a BSUID); null when there are none. */
function keysOf(ids: { waId: string | null; waUserId: string | null }, name: string | null): NormalizedLead | null {
  const digits = ids.waId?.replace(/\D/g, '') || null;
  if (!digits && !ids.waUserId) return null;
  return normalizeWhatsappSender({ waId: digits, waUserId: ids.waUserId, name });
}

/**
 * WhatsApp's system notices about a lead. A lead who changed number (Cloud API `user_changed_number`: the old
 * number in `from`, the new one in system.wa_id) or whose business-scoped user id changed (`user_changed_user_id`:
 * system.previous_user_id → system.user_id) stays one lead: its phone / user id move to the new values, so its next
 * message, from the new ids, finds the same lead and conversation, history included. When the new number already
 * belongs to another lead, both stay as they are (merging two leads' tickets is an agent's decision). The notice is
 * filed in the chat (content.system) on the open ticket, else the newest one, and never opens a ticket.
 */
@Injectable()
export class IdentityChanges {
  constructor(
    private readonly conversations: WhatsappConversationsRepository,
    private readonly messages: WhatsappMessagesRepository,
    private readonly tickets: TicketsRepository,
  ) {}

  async apply(db: Db, instance: RoutedInstance, message: NormalizedMessage, event: IdentityEvent) {
    const organizationId = instance.organizationId;
    const previous = keysOf(event.previous, null);
    const lead = previous ? await leads.findExisting(db, { organizationId, lead: previous }) : undefined;
    if (lead) await this.move(db, lead, keysOf(event.next, null));
    return lead ? this.file(db, instance, lead.id, message) : this.fileNotice(db, instance, message);
  }

  /** A notice about the sender, filed on its lead's conversation; nothing when the lead is not known. */
  async fileNotice(db: Db, instance: RoutedInstance, message: NormalizedMessage): Promise<IngestOutcome> {
    const sender = keysOf(message, null);
    const lead = sender
      ? await leads.findExisting(db, { organizationId: instance.organizationId, lead: sender })
      : null;
    return lead ? this.file(db, instance, lead.id, message) : 'duplicate';
  }

  private async move(db: Db, lead: LeadRow, next: NormalizedLead | null): Promise<void> {
    if (!next) return;
    const phoneKey = next.phone && next.phoneKey !== lead.phoneKey ? next.phoneKey : null;
    const waUserId = next.waUserId && next.waUserId !== lead.waUserId ? next.waUserId : null;
    if (!phoneKey && !waUserId) return;
    const taken = await leads.takenValues(db, {
      organizationId: lead.organizationId,
      asked: { email: null, phoneKey, waUserId },
    });
    const patch: LeadPatch = {};
    if (phoneKey && !taken.phone) Object.assign(patch, { phone: next.phone, phoneKey });
    if (waUserId && !taken.waUserId) patch.waUserId = waUserId;
    if (Object.keys(patch).length > 0)
      await leads.update(db, { organizationId: lead.organizationId, id: lead.id, patch });
  }

  private async file(db: Db, instance: RoutedInstance, leadId: string, message: NormalizedMessage) {
    const organizationId = instance.organizationId;
    const conversationId = await this.conversations.lock(db, { organizationId, leadId, instanceId: instance.id });
    if (!conversationId) return 'duplicate';
    const row = storedMessage({ organizationId, instanceId: instance.id, conversationId }, message);
    const outcome = await this.messages.insertOnOpenTicket(db, row);
    if (outcome !== 'no-open-ticket') return outcome;
    if (await this.messages.exists(db, { ...row, providerMessageId: message.providerMessageId })) return 'duplicate';
    const ticketId = await this.tickets.newestOfConversation(db, { organizationId, conversationId });
    if (!ticketId) return 'duplicate';
    await this.messages.insert(db, { ...row, ticketId });
    return 'stored';
  }
}
