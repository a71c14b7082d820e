import { Injectable } from '@nestjs/common';
import { MessageDirection } from '@whatrack/shared';
import { type Expression, sql } from 'kysely';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import { insertMessage, insertMessageOnOpenTicket, type MessageParams } from './whatsapp-messages.sql';
import { statementTemplate } from '../../database/statement-template';

/** A message to store, inbound (from a webhook) or outbound (sent by the business). */
export interface NewWhatsappMessage {
  organizationId: string;
  conversationId: string;
  instanceId: string;
  ticketId: string;
  /** The provider's id (wamid...): unique per instance, so a redelivered webhook cannot store it twice. */
  providerMessageId: string | null;
  direction: MessageDirection;
  /** text, image, audio, ... */
  type: string;
  body: string | null;
  /** Delivery status of an outbound message (sent, delivered, read, failed); null for inbound ones. */
  status?: string | null;
  sentAt: Date;
  /** The provider's payload of the message, kept as delivered. */
  raw: Record<string, unknown> | null;
}

export interface MessageRow {
  id: string;
  ticketId: string;
  direction: MessageDirection;
  type: string;
  body: string | null;
  status: string | null;
  sentAt: Date;
}

export interface MessagePageFilter {
  organizationId: string;
  conversationId: string;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/** Outbound statuses in the order they happen; "failed" may come at any time. */
const STATUS_ORDER = ['sent', 'delivered', 'read', 'played'];

const EXAMPLE: NewWhatsappMessage = {
  organizationId: DummyValue.UUID,
  conversationId: DummyValue.UUID2,
  instanceId: DummyValue.UUID,
  ticketId: DummyValue.UUID2,
  providerMessageId: 'wamid.EXAMPLE',
  direction: MessageDirection.IN,
  type: 'text',
  body: DummyValue.STRING,
  sentAt: DummyValue.DATE,
  raw: { id: 'wamid.EXAMPLE' },
};

/**
 * The only SQL of whatsapp_messages. Storing a message also moves its conversation's last_message_at and touches
 * its ticket's updated_at in the same statement (one round trip on the webhook hot path: they were always one
 * statement); the ticket's messages_count is kept by a trigger on this table (migration MessageCounters).
 */
@Injectable()
export class WhatsappMessagesRepository {
  /** Stores a message on a given ticket (e.g. one just opened, or a reply sent from it). Answers its id. */
  @GenerateSql({ params: [EXAMPLE] })
  async insert(db: Db, message: NewWhatsappMessage): Promise<{ id: string }> {
    return db.one(insertMessage({ ...messageParams(message), ticketId: message.ticketId }), {
      prepare: 'whatsapp_messages.insert',
    });
  }

  /**
   * Stores a message on the conversation's open ticket (its newest), in one statement. Must run under the
   * conversation's lock (so "the open ticket" is stable); the unique provider id makes a redelivery a no-op.
   * 'no-open-ticket' when there is none: the caller checks for a duplicate, then opens a ticket.
   */
  @GenerateSql({ params: [EXAMPLE] })
  async insertOnOpenTicket(
    db: Db,
    message: Omit<NewWhatsappMessage, 'ticketId'>,
  ): Promise<'stored' | 'duplicate' | 'no-open-ticket'> {
    const row = await db.one(insertMessageOnOpenTicket(messageParams(message)), {
      prepare: 'whatsapp_messages.insertOnOpenTicket',
    });
    if (row.stored > 0) return 'stored';
    return row.open > 0 ? 'duplicate' : 'no-open-ticket';
  }

  /** Whether the instance already holds the provider's message. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, instanceId: DummyValue.UUID2, providerMessageId: 'w' }] })
  async exists(
    db: Db,
    key: { organizationId: string; instanceId: string; providerMessageId: string },
  ): Promise<boolean> {
    const { organizationId, instanceId, providerMessageId } = key;
    const row = await db.first(messageExists({ organizationId, instanceId, providerMessageId }), {
      prepare: 'whatsapp_messages.exists',
    });
    return row !== undefined;
  }

  /** A delivery receipt moves an outbound message's status forward (a late "delivered" never undoes "read"). */
  @GenerateSql({
    params: [{ organizationId: DummyValue.UUID, instanceId: DummyValue.UUID2, providerMessageId: 'w', status: 'read' }],
  })
  async advanceStatus(
    db: Db,
    receipt: { organizationId: string; instanceId: string; providerMessageId: string; status: string },
  ): Promise<void> {
    const { organizationId, instanceId, providerMessageId, status } = receipt;
    await db.run(advanceStatus({ organizationId, instanceId, providerMessageId, status }), {
      prepare: 'whatsapp_messages.advanceStatus',
    });
  }

  /** A page of a conversation's messages, by time (ties by id) in the asked order. */
  @GenerateSql(
    ...(['asc', 'desc'] as const).map((order) => ({
      name: order,
      params: [{ organizationId: DummyValue.UUID, conversationId: DummyValue.UUID2, order, offset: 20, limit: 20 }],
    })),
  )
  async page(db: Db, filter: MessagePageFilter): Promise<MessageRow[]> {
    const rows = await db.all(
      qb
        .selectFrom('whatsapp_messages')
        .select(['id', 'ticket_id as ticketId', 'direction', 'type', 'body', 'status', 'sent_at as sentAt'])
        .where('organization_id', '=', filter.organizationId)
        .where('conversation_id', '=', filter.conversationId)
        .orderBy('sent_at', filter.order)
        .orderBy('id', filter.order)
        .limit(filter.limit)
        .offset(filter.offset),
    );
    return rows.map((row) => ({ ...row, direction: row.direction as MessageDirection }));
  }

  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, conversationId: DummyValue.UUID2 }] })
  async countInConversation(db: Db, key: { organizationId: string; conversationId: string }): Promise<number> {
    const row = await db.one(
      qb
        .selectFrom('whatsapp_messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', key.organizationId)
        .where('conversation_id', '=', key.conversationId),
    );
    return row.n;
  }
}

function messageParams(message: Omit<NewWhatsappMessage, 'ticketId'>): MessageParams {
  return {
    organizationId: message.organizationId,
    conversationId: message.conversationId,
    instanceId: message.instanceId,
    providerMessageId: message.providerMessageId,
    direction: message.direction,
    type: message.type,
    body: message.body,
    status: message.status ?? null,
    sentAt: message.sentAt,
    raw: message.raw === null ? null : JSON.stringify(message.raw),
  };
}

const messageExists = statementTemplate(
  (p: { organizationId: string; instanceId: string; providerMessageId: string }) =>
    qb
      .selectFrom('whatsapp_messages')
      .select(sql<number>`1`.as('found'))
      .where('organization_id', '=', p.organizationId)
      .where('instance_id', '=', p.instanceId)
      .where('provider_message_id', '=', p.providerMessageId),
);

const advanceStatus = statementTemplate(
  (p: { organizationId: string; instanceId: string; providerMessageId: string; status: string }) => {
    const status = sql<string>`${p.status}::varchar`;
    const position = (value: Expression<string | null>) =>
      sql<number>`COALESCE(array_position(${STATUS_ORDER}::varchar[], ${value}), 0)`;
    return qb
      .updateTable('whatsapp_messages')
      .set({ status, updated_at: sql<Date>`now()` })
      .where('organization_id', '=', p.organizationId)
      .where('instance_id', '=', p.instanceId)
      .where('provider_message_id', '=', p.providerMessageId)
      .where((eb) =>
        eb.or([eb(status, '=', sql.lit('failed')), eb(position(eb.ref('status')), '<', position(status))]),
      );
  },
);
