import { MessageDirection } from '@whatrack/shared';
import { type Expression, sql } from 'kysely';
import { qb } from '../../database/query-builder';
import { statementTemplate } from '../../database/statement-template';
import { touchConversation } from './whatsapp-messages.sql';

/**
 * The statements of WhatsappMessagesRepository for outbound replies and their delivery (the replies worker and the
 * status webhooks): built here to keep the repository short.
 */

/** Outbound statuses in the order they happen; "failed" may come at any time. */
export const STATUS_ORDER = ['pending', 'sent', 'delivered', 'read', 'played'];

/** A reply as bound: the organization, its conversation and ticket, who wrote it and its retry key. */
export interface ReplyParams {
  organizationId: string;
  conversationId: string;
  ticketId: string;
  instanceId: string;
  type: string;
  body: string | null;
  senderUserId: string | null;
  idempotencyKey: string | null;
  sentAt: Date;
}

/**
 * Stores an outbound reply as pending, moving its conversation's last activity; nothing when another reply already
 * holds the Idempotency-Key (the caller answers that one).
 */
export const insertReply = statementTemplate((p: ReplyParams) =>
  qb
    .with('msg', (q) =>
      q
        .insertInto('whatsapp_messages')
        .values({
          organization_id: p.organizationId,
          conversation_id: p.conversationId,
          ticket_id: p.ticketId,
          instance_id: p.instanceId,
          provider_message_id: null,
          direction: sql.lit(MessageDirection.OUT),
          type: p.type,
          body: p.body,
          status: sql.lit('pending'),
          sent_at: p.sentAt,
          raw: null,
          sender_user_id: p.senderUserId,
          idempotency_key: p.idempotencyKey,
        })
        .onConflict((oc) =>
          oc.columns(['organization_id', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing(),
        )
        .returning(['id', 'ticket_id']),
    )
    .with('c', (q) => touchConversation(q, { ...p, direction: MessageDirection.OUT }))
    .selectFrom('msg')
    .select('id'),
);

const position = (value: Expression<string | null>) =>
  sql<number>`COALESCE(array_position(${sql.val(STATUS_ORDER)}::varchar[], ${value}), 0)`;

/**
 * A delivery status for the instance's message with this provider id: moves forward only (a late "delivered" never
 * undoes "read"), "failed" at any time with the provider's error. Answers whether the message exists at all.
 */
export const advanceStatus = statementTemplate(
  (p: {
    organizationId: string;
    instanceId: string;
    providerMessageId: string;
    status: string;
    errorCode: string | null;
    errorTitle: string | null;
  }) => {
    const status = sql<string>`${p.status}::varchar`;
    return qb
      .with('m', (q) =>
        q
          .selectFrom('whatsapp_messages')
          .select(['id', 'status'])
          .where('organization_id', '=', p.organizationId)
          .where('instance_id', '=', p.instanceId)
          .where('provider_message_id', '=', p.providerMessageId),
      )
      .with('u', (q) =>
        q
          .updateTable('whatsapp_messages')
          .set((eb) => ({
            status,
            error_code: eb.case().when(status, '=', sql.lit('failed')).then(p.errorCode).else(null).end(),
            error_title: eb.case().when(status, '=', sql.lit('failed')).then(p.errorTitle).else(null).end(),
            updated_at: sql<Date>`now()`,
          }))
          .from('m')
          .where('whatsapp_messages.organization_id', '=', p.organizationId)
          .whereRef('whatsapp_messages.id', '=', 'm.id')
          .where((eb) =>
            eb.or([
              eb.and([eb(status, '=', sql.lit('failed')), eb('m.status', 'is distinct from', sql.lit('failed'))]),
              eb(position(eb.ref('m.status')), '<', position(status)),
            ]),
          )
          .returning(sql<number>`1`.as('one')),
      )
      .selectNoFrom((eb) => [
        sql<number>`(${eb.selectFrom('m').select(eb.fn.countAll().as('n'))})::int`.as('found'),
        sql<number>`(${eb.selectFrom('u').select(eb.fn.countAll().as('n'))})::int`.as('updated'),
      ]);
  },
);

/** The provider accepted a reply: its id is stored (status webhooks find it) and a pending reply becomes sent. */
export const recordSent = statementTemplate((p: { organizationId: string; id: string; providerMessageId: string }) =>
  qb
    .updateTable('whatsapp_messages')
    .set((eb) => ({
      provider_message_id: p.providerMessageId,
      status: eb.case().when('status', '=', sql.lit('pending')).then(sql.lit('sent')).else(eb.ref('status')).end(),
      error_code: null,
      error_title: null,
      updated_at: sql<Date>`now()`,
    }))
    .where('organization_id', '=', p.organizationId)
    .where('id', '=', p.id),
);
