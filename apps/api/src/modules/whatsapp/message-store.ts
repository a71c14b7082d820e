import type { EntityManager } from 'typeorm';
import type { NormalizedLead } from '../leads/lead-resolver';
import type { NormalizedMessage } from './inbound.types';
import { queryPrepared } from '../../common/sql/prepared-query';

/** The plain SQL of message ingestion's hot path: one round trip per step, no ORM in between. */

export interface ConversationTarget {
  organizationId: string;
  instanceId: string;
  conversationId: string;
}

interface ContactRow {
  lead_id: string;
  has_name: boolean;
  has_phone: boolean;
  has_wa_user_id: boolean;
  conversation_id: string | null;
}

/**
 * Where a message's sender stands: `known` (lead and conversation exist, the conversation now locked until the
 * transaction ends), `new` (no lead matches), or `other` (a lead with blanks the message could fill, or without a
 * conversation on this instance: the general path handles it).
 */
export type Contact = { kind: 'known'; leadId: string; conversationId: string } | { kind: 'new' } | { kind: 'other' };

/**
 * Finds the sender's lead as findOrCreateLead would (by phone key, or by WhatsApp user id when there is no phone)
 * and locks its conversation on the instance, in one statement.
 */
export async function lookupContact(
  m: EntityManager,
  organizationId: string,
  instanceId: string,
  lead: NormalizedLead,
): Promise<Contact> {
  const match = lead.phoneKey
    ? { column: 'phone_key', value: lead.phoneKey }
    : !lead.email && lead.waUserId
      ? { column: 'wa_user_id', value: lead.waUserId }
      : null;
  if (!match) return { kind: 'other' };
  const [row] = await queryPrepared<ContactRow>(
    m,
    `SELECT l.id AS lead_id, l.name IS NOT NULL AS has_name, l.phone IS NOT NULL AS has_phone,
            l.wa_user_id IS NOT NULL AS has_wa_user_id, c.id AS conversation_id
     FROM leads l
     LEFT JOIN LATERAL (
       SELECT id FROM whatsapp_conversations
       WHERE organization_id = l.organization_id AND lead_id = l.id AND instance_id = $3 FOR UPDATE) c ON true
     WHERE l.organization_id = $1 AND l.${match.column} = $2`,
    [organizationId, match.value, instanceId],
  );
  if (!row) return { kind: 'new' };
  const blanks =
    (!row.has_name && lead.name) || (!row.has_phone && lead.phone) || (!row.has_wa_user_id && lead.waUserId);
  if (blanks || !row.conversation_id) return { kind: 'other' };
  return { kind: 'known', leadId: row.lead_id, conversationId: row.conversation_id };
}

/**
 * Creates the lead and its conversation on the instance in one statement, also telling whether the message is
 * already stored (under another conversation: the same id from another sender). Null when the lead insert
 * conflicts with any lead's unique values (a concurrent first message, or a match lookupContact does not make):
 * the caller then takes the general path, which finds the winner's rows.
 */
export async function createContact(
  m: EntityManager,
  organizationId: string,
  instanceId: string,
  lead: NormalizedLead,
  providerMessageId: string,
): Promise<{ leadId: string; conversationId: string; messageStored: boolean } | null> {
  const [row] = await queryPrepared<{ lead_id: string; id: string; stored: boolean }>(
    m,
    `WITH lead AS (
       INSERT INTO leads (organization_id, name, phone, phone_key, email, wa_user_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING id),
     conversation AS (
       INSERT INTO whatsapp_conversations (organization_id, lead_id, instance_id)
       SELECT $1, id, $7 FROM lead RETURNING lead_id, id)
     SELECT lead_id, id, EXISTS (
       SELECT 1 FROM whatsapp_messages WHERE organization_id = $1 AND instance_id = $7 AND provider_message_id = $8
     ) AS stored
     FROM conversation`,
    [organizationId, lead.name, lead.phone, lead.phoneKey, lead.email, lead.waUserId, instanceId, providerMessageId],
  );
  return row ? { leadId: row.lead_id, conversationId: row.id, messageStored: row.stored } : null;
}

function messageParams(target: ConversationTarget, message: NormalizedMessage): unknown[] {
  return [
    target.organizationId,
    target.conversationId,
    target.instanceId,
    message.providerMessageId,
    message.direction,
    message.type,
    message.body,
    message.sentAt,
    JSON.stringify(message.raw),
  ];
}

/** Counters and the conversation's last message move only when the message row was really inserted. */
const AFTER_INSERT = `
  t AS (UPDATE tickets SET messages_count = messages_count + 1, updated_at = now()
        WHERE organization_id = $1 AND id IN (SELECT ticket_id FROM msg) RETURNING 1),
  c AS (UPDATE whatsapp_conversations
        SET last_message_at = GREATEST(COALESCE(last_message_at, $8::timestamptz), $8::timestamptz), updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND EXISTS (SELECT 1 FROM msg) RETURNING 1)`;

const INSERT_MESSAGE = `INSERT INTO whatsapp_messages (organization_id, conversation_id, ticket_id, instance_id,
    provider_message_id, direction, type, body, sent_at, raw)`;
/** The values of messageParams, in INSERT_MESSAGE's column order, with the ticket id taken from `ticketId`. */
const messageValues = (ticketId: string) =>
  `$1::uuid, $2::uuid, ${ticketId}, $3::uuid, $4::varchar, $5::varchar, $6::varchar, $7::text, $8::timestamptz, $9::jsonb`;

/**
 * Stores the message on the conversation's open ticket, counting it, in one statement. Must run under the
 * conversation lock (so "the open ticket" is stable); the unique index makes a redelivery a no-op. Answers
 * 'no-open-ticket' when there is none: the caller checks for a duplicate, then opens a ticket.
 */
export async function storeOnOpenTicket(
  m: EntityManager,
  target: ConversationTarget,
  message: NormalizedMessage,
): Promise<'stored' | 'duplicate' | 'no-open-ticket'> {
  const [row] = await queryPrepared<{ open: number; stored: number }>(
    m,
    `WITH open AS (
       SELECT id FROM tickets WHERE organization_id = $1 AND conversation_id = $2 AND status = 'open'
       ORDER BY created_at DESC LIMIT 1),
     msg AS (
       ${INSERT_MESSAGE}
       SELECT ${messageValues('open.id')} FROM open
       ON CONFLICT (organization_id, instance_id, provider_message_id) DO NOTHING RETURNING ticket_id),
     ${AFTER_INSERT}
     SELECT (SELECT count(*) FROM open)::int AS open, (SELECT count(*) FROM msg)::int AS stored`,
    messageParams(target, message),
  );
  if (row.stored > 0) return 'stored';
  return row.open > 0 ? 'duplicate' : 'no-open-ticket';
}

/** Stores the message on a given ticket (just opened), counting it. */
export async function storeOnTicket(
  m: EntityManager,
  target: ConversationTarget,
  ticketId: string,
  message: NormalizedMessage,
): Promise<void> {
  await queryPrepared(
    m,
    `WITH msg AS (
       ${INSERT_MESSAGE} VALUES (${messageValues('$10::uuid')}) RETURNING ticket_id),
     ${AFTER_INSERT}
     SELECT 1`,
    [...messageParams(target, message), ticketId],
  );
}

export async function isStored(
  m: EntityManager,
  target: ConversationTarget,
  providerMessageId: string,
): Promise<boolean> {
  const rows = await queryPrepared<unknown>(
    m,
    'SELECT 1 FROM whatsapp_messages WHERE organization_id = $1 AND instance_id = $2 AND provider_message_id = $3',
    [target.organizationId, target.instanceId, providerMessageId],
  );
  return rows.length > 0;
}
