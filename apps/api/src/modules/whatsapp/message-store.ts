import type { NormalizedLead } from '../leads/lead-resolver';
import type { ContactMatch, ContactRow } from '../conversations/whatsapp-conversations.repository';
import type { NewWhatsappMessage } from '../conversations/whatsapp-messages.repository';
import type { NormalizedMessage } from './inbound.types';

/** What message ingestion decides around its statements (the statements are the conversations repositories'). */

export interface ConversationTarget {
  organizationId: string;
  instanceId: string;
  conversationId: string;
}

/**
 * Where a message's sender stands: `known` (lead and conversation exist, the conversation now locked until the
 * transaction ends), `new` (no lead matches), or `other` (a lead with blanks the message could fill, or without a
 * conversation on this instance: the general path handles it).
 */
export type Contact = { kind: 'known'; leadId: string; conversationId: string } | { kind: 'new' } | { kind: 'other' };

/** How findOrCreateLead would find the sender's lead: by phone key, or by WhatsApp user id when there is no phone. */
export function contactMatch(lead: NormalizedLead): ContactMatch | null {
  if (lead.phoneKey) return { column: 'phone_key', value: lead.phoneKey };
  if (!lead.email && lead.waUserId) return { column: 'wa_user_id', value: lead.waUserId };
  return null;
}

/** The sender's standing, from the lead lockContact found (or did not). */
export function contactOf(row: ContactRow | undefined, lead: NormalizedLead): Contact {
  if (!row) return { kind: 'new' };
  const blanks = (!row.hasName && lead.name) || (!row.hasPhone && lead.phone) || (!row.hasWaUserId && lead.waUserId);
  if (blanks || !row.conversationId) return { kind: 'other' };
  return { kind: 'known', leadId: row.leadId, conversationId: row.conversationId };
}

/** The row a received message is stored as. */
export function storedMessage(
  target: ConversationTarget,
  message: NormalizedMessage,
): Omit<NewWhatsappMessage, 'ticketId'> {
  return {
    ...target,
    providerMessageId: message.providerMessageId,
    direction: message.direction,
    type: message.type,
    body: message.body,
    sentAt: message.sentAt,
    raw: message.raw,
    content: message.content ?? null,
    context: message.context ?? null,
  };
}
