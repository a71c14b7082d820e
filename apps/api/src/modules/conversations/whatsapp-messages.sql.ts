import { TicketStatus } from '@whatrack/shared';
import { type Expression, type QueryCreator, sql } from 'kysely';
import type { DB, Json } from '../../database/generated/db';
import { qb } from '../../database/query-builder';
import { statementTemplate } from '../../database/statement-template';
import { messageMediaColumn } from '../media/whatsapp-media.sql';

/** The hot statements of WhatsappMessagesRepository, compiled once (see statementTemplate). */

/** The parameters of a message insert, as bound (raw already JSON text). */
export interface MessageParams {
  organizationId: string;
  conversationId: string;
  instanceId: string;
  providerMessageId: string | null;
  direction: string;
  type: string;
  body: string | null;
  status: string | null;
  sentAt: Date;
  raw: string | null;
  /** MessageContent and StoredContext as JSON text, or null. */
  content: string | null;
  context: string | null;
}

/** The `msg` CTE of a message insert: the row really inserted (none on a redelivery). */
interface MessageCte {
  msg: { id: string; ticket_id: string };
}

/*
 * What storing a message changes besides the message, as CTEs of the insert (one statement), moved only when the
 * row was really inserted. The ticket's messages_count and updated_at are the trigger's (migration MessageCounters).
 */

/**
 * The conversation's last_message_at, and for an inbound message its last_inbound_at (the Cloud API's 24-hour
 * window), never moved back by a late older message. WhatsApp's system notices (number changed...) are filed as
 * inbound but are not the lead writing: they open no window.
 */
export function touchConversation(
  q: QueryCreator<DB & MessageCte>,
  p: Pick<MessageParams, 'sentAt' | 'direction' | 'type' | 'organizationId' | 'conversationId'>,
) {
  const sentAt = sql<Date>`${p.sentAt}::timestamptz`;
  return q
    .updateTable('whatsapp_conversations')
    .set((eb) => ({
      last_message_at: eb.fn('GREATEST', [eb.fn.coalesce('last_message_at', sentAt), sentAt]),
      last_inbound_at: sql<Date | null>`CASE WHEN ${p.direction}::varchar = 'in' AND ${p.type}::varchar <> 'system'
        THEN GREATEST(COALESCE(last_inbound_at, ${sentAt}), ${sentAt}) ELSE last_inbound_at END`,
      updated_at: sql<Date>`now()`,
    }))
    .where('organization_id', '=', p.organizationId)
    .where('id', '=', p.conversationId)
    .where((eb) => eb.exists(eb.selectFrom('msg').select('ticket_id')))
    .returning(sql<number>`1`.as('one'));
}

/** Stores a message on a given ticket; answers its id. */
export const insertMessage = statementTemplate((p: MessageParams & { ticketId: string }) =>
  qb
    .with('msg', (q) =>
      q
        .insertInto('whatsapp_messages')
        .values({
          organization_id: p.organizationId,
          conversation_id: p.conversationId,
          ticket_id: p.ticketId,
          instance_id: p.instanceId,
          provider_message_id: p.providerMessageId,
          direction: p.direction,
          type: p.type,
          body: p.body,
          status: p.status,
          sent_at: p.sentAt,
          raw: p.raw,
          content: p.content,
          context: p.context,
        })
        .returning(['id', 'ticket_id']),
    )
    .with('c', (q) => touchConversation(q, p))
    .selectFrom('msg')
    .select('id'),
);

/** Stores a message on the conversation's newest open ticket, unless stored already; answers what it found. */
export const insertMessageOnOpenTicket = statementTemplate((p: MessageParams) =>
  qb
    .with('open', (q) =>
      q
        .selectFrom('tickets')
        .select('id')
        .where('organization_id', '=', p.organizationId)
        .where('conversation_id', '=', p.conversationId)
        .where('status', '=', sql.lit(TicketStatus.OPEN))
        .orderBy('created_at', 'desc')
        .limit(sql.lit(1)),
    )
    .with('msg', (q) =>
      q
        .insertInto('whatsapp_messages')
        .columns([
          'organization_id',
          'conversation_id',
          'ticket_id',
          'instance_id',
          'provider_message_id',
          'direction',
          'type',
          'body',
          'status',
          'sent_at',
          'raw',
          'content',
          'context',
        ])
        .expression(q.selectFrom('open').select((eb) => selectedValues(p, eb.ref('open.id'))))
        .onConflict((oc) => oc.columns(['organization_id', 'instance_id', 'provider_message_id']).doNothing())
        .returning(['id', 'ticket_id']),
    )
    .with('c', (q) => touchConversation(q, p))
    .selectNoFrom((eb) => [
      sql<number>`(${eb.selectFrom('open').select(eb.fn.countAll().as('n'))})::int`.as('open'),
      sql<number>`(${eb.selectFrom('msg').select(eb.fn.countAll().as('n'))})::int`.as('stored'),
    ]),
);

/** The insert's values, in its column order, cast: they are a SELECT's output, typed by nothing else. */
function selectedValues(p: MessageParams, ticketId: Expression<string>) {
  return [
    sql<string>`${p.organizationId}::uuid`.as('organization_id'),
    sql<string>`${p.conversationId}::uuid`.as('conversation_id'),
    sql<string>`${ticketId}`.as('ticket_id'),
    sql<string>`${p.instanceId}::uuid`.as('instance_id'),
    sql<string | null>`${p.providerMessageId}::varchar`.as('provider_message_id'),
    sql<string>`${p.direction}::varchar`.as('direction'),
    sql<string>`${p.type}::varchar`.as('type'),
    sql<string | null>`${p.body}::text`.as('body'),
    sql<string | null>`${p.status}::varchar`.as('status'),
    sql<Date>`${p.sentAt}::timestamptz`.as('sent_at'),
    sql<Json | null>`${p.raw}::jsonb`.as('raw'),
    sql<Json | null>`${p.content}::jsonb`.as('content'),
    sql<Json | null>`${p.context}::jsonb`.as('context'),
  ];
}

export const messageExists = statementTemplate(
  (p: { organizationId: string; instanceId: string; providerMessageId: string }) =>
    qb
      .selectFrom('whatsapp_messages')
      .select(sql<number>`1`.as('found'))
      .where('organization_id', '=', p.organizationId)
      .where('instance_id', '=', p.instanceId)
      .where('provider_message_id', '=', p.providerMessageId),
);

/**
 * A message as the API shows it: with its author's name, the message it quotes when we hold it (matched by the
 * provider id the context names, so a quote of a message stored later resolves too), and the last reaction of each
 * side (reactions are keyed by the provider id the same way: see WhatsappMessageReactionsRepository).
 */
export function viewQuery(organizationId: string) {
  return qb
    .selectFrom('whatsapp_messages as m')
    .leftJoin('users as u', (join) =>
      join.onRef('u.organization_id', '=', 'm.organization_id').onRef('u.id', '=', 'm.sender_user_id'),
    )
    .leftJoin('whatsapp_messages as q', (join) =>
      join
        .onRef('q.organization_id', '=', 'm.organization_id')
        .onRef('q.instance_id', '=', 'm.instance_id')
        .on(sql<boolean>`q.provider_message_id = m.context->>'quotedProviderMessageId'`),
    )
    .leftJoin('whatsapp_media as md', (join) =>
      join.onRef('md.organization_id', '=', 'm.organization_id').onRef('md.message_id', '=', 'm.id'),
    )
    .select([
      'm.id',
      'm.ticket_id as ticketId',
      'm.direction',
      'm.type',
      'm.body',
      'm.status',
      'm.sent_at as sentAt',
      'm.created_at as createdAt',
      'm.sender_user_id as senderUserId',
      'u.name as senderName',
      'm.error_code as errorCode',
      'm.error_title as errorTitle',
      'm.content',
      'm.context',
      'm.deleted_at as deletedAt',
      'q.id as quotedMessageId',
      'q.body as quotedStoredBody',
      'q.type as quotedStoredType',
      messageMediaColumn,
    ])
    .select((eb) =>
      eb
        .selectFrom('whatsapp_message_reactions as r')
        .select(
          sql<ReactionJson[]>`COALESCE(json_agg(json_build_object('emoji', r.emoji, 'direction', r.direction,
            'reactedAt', r.reacted_at) ORDER BY r.reacted_at, r.direction), '[]'::json)`.as('reactions'),
        )
        .whereRef('r.organization_id', '=', 'm.organization_id')
        .whereRef('r.instance_id', '=', 'm.instance_id')
        .whereRef('r.target_provider_message_id', '=', 'm.provider_message_id')
        .where('r.emoji', 'is not', null)
        .as('reactions'),
    )
    .where('m.organization_id', '=', organizationId);
}

/** A reaction as json_build_object renders it (reactedAt as PostgreSQL's text of a timestamptz). */
export interface ReactionJson {
  emoji: string;
  direction: 'in' | 'out';
  reactedAt: string;
}
