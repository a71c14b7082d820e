import { WhatsappProvider } from '@whatrack/shared';
import { qb } from '../../database/query-builder';
import { statementTemplate } from '../../database/statement-template';
import { dueRowIds, leaseSet, type LeaseWindow } from '../../common/jobs/leased-jobs.sql';

/** The claim of WhatsappOutboxRepository: the due rows with what delivering them needs, in one round trip. */

/** A claimed reply: the outbox row, its message, and where it goes. */
export interface ClaimedReplyRow {
  id: string;
  attempts: number;
  organizationId: string;
  messageId: string;
  payload: unknown;
  instanceId: string;
  provider: WhatsappProvider;
  conversationId: string;
  /** The lead's number in E.164 (the recipient), null when the lead has none. */
  leadPhone: string | null;
  /** The line's provider id and credentials, still encrypted (TokenCipher): read with the claim, not per reply. */
  providerPhoneNumberId: string | null;
  accessTokenEncrypted: string | null;
  apiUrl: string | null;
  apiKeyEncrypted: string | null;
}

/**
 * Leases due rows (pending, due, held by no live lease) with FOR UPDATE SKIP LOCKED, counting the attempt, and
 * answers them with their message's conversation, line (with its credentials) and recipient, oldest first: one
 * round trip for a whole round.
 */
export const claimReplies = statementTemplate((window: LeaseWindow) =>
  qb
    .with('claimed', (q) =>
      q
        .updateTable('whatsapp_outbox as l')
        .set(leaseSet(window.until))
        .where('l.id', 'in', dueRowIds('whatsapp_outbox', window))
        .returning(['l.id', 'l.attempts', 'l.organization_id', 'l.message_id', 'l.payload', 'l.created_at']),
    )
    .selectFrom('claimed as c')
    .innerJoin('whatsapp_messages as m', (j) =>
      j.onRef('m.organization_id', '=', 'c.organization_id').onRef('m.id', '=', 'c.message_id'),
    )
    .innerJoin('whatsapp_conversations as wc', (j) =>
      j.onRef('wc.organization_id', '=', 'm.organization_id').onRef('wc.id', '=', 'm.conversation_id'),
    )
    .innerJoin('whatsapp_instances as wi', (j) =>
      j.onRef('wi.organization_id', '=', 'm.organization_id').onRef('wi.id', '=', 'm.instance_id'),
    )
    .innerJoin('leads as l', (j) =>
      j.onRef('l.organization_id', '=', 'wc.organization_id').onRef('l.id', '=', 'wc.lead_id'),
    )
    .select([
      'c.id',
      'c.attempts',
      'c.organization_id as organizationId',
      'c.message_id as messageId',
      'c.payload',
      'm.instance_id as instanceId',
      'wi.provider',
      'm.conversation_id as conversationId',
      'l.phone as leadPhone',
      'wi.provider_phone_number_id as providerPhoneNumberId',
      'wi.access_token_encrypted as accessTokenEncrypted',
      'wi.api_url as apiUrl',
      'wi.api_key_encrypted as apiKeyEncrypted',
    ])
    .orderBy('c.created_at')
    .orderBy('c.id'),
);
