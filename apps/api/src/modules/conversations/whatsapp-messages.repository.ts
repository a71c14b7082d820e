import { Injectable } from '@nestjs/common';
import { MessageDirection } from '@whatrack/shared';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import { adoptOrphansStatement, advanceStatuses, insertReply, recordSent } from './whatsapp-message-delivery.sql';
import { insertMessage, insertMessageOnOpenTicket, messageExists, viewQuery } from './whatsapp-messages.sql';
import {
  EXAMPLE_MESSAGE,
  EXAMPLE_REPLY,
  furthestByMessage,
  type MessagePageFilter,
  type MessageRow,
  messageParams,
  type NewReply,
  type NewWhatsappMessage,
  type StatusReceipt,
  toRow,
} from './whatsapp-messages.types';

export type {
  MessagePageFilter,
  MessageRow,
  NewReply,
  NewWhatsappMessage,
  StatusReceipt,
} from './whatsapp-messages.types';
import { type LeadScope, leadTicketIds } from '../leads/lead-scope.sql';

/**
 * The only SQL of whatsapp_messages. Storing a message also moves its conversation's last_message_at and touches
 * its ticket's updated_at in the same statement (one round trip on the webhook hot path: they were always one
 * statement); the ticket's messages_count is kept by a trigger on this table (migration MessageCounters).
 */
@Injectable()
export class WhatsappMessagesRepository {
  /** Stores a message on a given ticket (e.g. one just opened, or a reply sent from it). Answers its id. */
  @GenerateSql({ params: [EXAMPLE_MESSAGE] })
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
  @GenerateSql({ params: [EXAMPLE_MESSAGE] })
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

  /**
   * A webhook's delivery statuses for one instance, in one statement (advanceStatus's rules; of several statuses of one
   * message the furthest is kept, a failure first). Answers the statuses whose message is not known.
   */
  @GenerateSql({
    params: [
      DummyValue.UUID,
      DummyValue.UUID2,
      [{ providerMessageId: 'wamid.X', status: 'read', errorCode: null, errorTitle: null }],
    ],
  })
  async advanceStatuses(
    db: Db,
    organizationId: string,
    instanceId: string,
    statuses: StatusReceipt[],
  ): Promise<StatusReceipt[]> {
    const furthest = furthestByMessage(statuses);
    if (furthest.length === 0) return [];
    const json = JSON.stringify(
      furthest.map((s) => ({
        provider_message_id: s.providerMessageId,
        status: s.status,
        error_code: s.errorCode ?? null,
        error_title: s.errorTitle ?? null,
      })),
    );
    const unknown = await db.all(advanceStatuses({ organizationId, instanceId, statuses: json }), {
      prepare: 'whatsapp_messages.advanceStatuses',
    });
    const missing = new Set(unknown.map((u) => u.providerMessageId));
    return furthest.filter((s) => missing.has(s.providerMessageId));
  }

  /**
   * Applies kept statuses whose message got its provider id after they were kept (a race between a status webhook's
   * transaction and the replies worker's); the replies worker runs it about once a second.
   */
  @GenerateSql({
    params: [],
    crossTenant: 'housekeeping of every organization: rows are joined on their own organization',
  })
  async adoptOrphanStatuses(db: Db): Promise<void> {
    await db.run(adoptOrphansStatement(), { prepare: 'whatsapp_messages.adoptOrphanStatuses' });
  }

  /**
   * Stores a pending reply with its outbox row (whatsapp_outbox, the replies worker's queue) in one statement, and
   * answers it as the API shows it; undefined when another reply already holds its Idempotency-Key.
   */
  @GenerateSql({ params: [EXAMPLE_REPLY] })
  async insertReply(db: Db, reply: NewReply): Promise<MessageRow | undefined> {
    const row = await db.first(insertReply({ ...reply, payload: JSON.stringify(reply.payload) }), {
      prepare: 'whatsapp_messages.insertReply',
    });
    return row && toRow(row);
  }

  /** One message of the organization, as the API shows it. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, id: DummyValue.UUID2 }] })
  async findById(db: Db, key: { organizationId: string; id: string }): Promise<MessageRow | undefined> {
    const row = await db.first(viewQuery(key.organizationId).where('m.id', '=', key.id));
    return row && toRow(row);
  }

  /** The reply created with this Idempotency-Key, if any. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, idempotencyKey: 'key-1' }] })
  async findByIdempotencyKey(
    db: Db,
    key: { organizationId: string; idempotencyKey: string },
  ): Promise<MessageRow | undefined> {
    const row = await db.first(viewQuery(key.organizationId).where('m.idempotency_key', '=', key.idempotencyKey));
    return row && toRow(row);
  }

  /**
   * The provider accepted the reply: its id is kept, it becomes sent (or takes a status that outran the worker, kept
   * in whatsapp_status_orphans) and its outbox row is settled, in one statement.
   */
  @GenerateSql({
    params: [
      {
        organizationId: DummyValue.UUID,
        instanceId: DummyValue.UUID,
        id: DummyValue.UUID2,
        providerMessageId: 'wamid.X',
      },
    ],
  })
  async recordSent(
    db: Db,
    sent: { organizationId: string; instanceId: string; id: string; providerMessageId: string },
  ): Promise<void> {
    await db.run(recordSent(sent), { prepare: 'whatsapp_messages.recordSent' });
  }

  /**
   * Removes the copy of a reply that the provider's own webhook stored before the reply's id was known (Evolution
   * echoes every message the number sends, ours included): the reply keeps the id. Answers how many.
   */
  @GenerateSql({
    params: [
      {
        organizationId: DummyValue.UUID,
        instanceId: DummyValue.UUID2,
        providerMessageId: 'X',
        exceptId: DummyValue.UUID,
      },
    ],
  })
  async removeEcho(
    db: Db,
    echo: { organizationId: string; instanceId: string; providerMessageId: string; exceptId: string },
  ): Promise<number> {
    return db.run(
      qb
        .deleteFrom('whatsapp_messages')
        .where('organization_id', '=', echo.organizationId)
        .where('instance_id', '=', echo.instanceId)
        .where('provider_message_id', '=', echo.providerMessageId)
        .where('id', '<>', echo.exceptId)
        .where('direction', '=', sql.lit(MessageDirection.OUT)),
    );
  }

  /** A reply failed for good: the provider's code and title are kept for the agent. */
  @GenerateSql({
    params: [
      {
        organizationId: DummyValue.UUID,
        id: DummyValue.UUID2,
        errorCode: '131047',
        errorTitle: 'Re-engagement message',
      },
    ],
  })
  async markFailed(
    db: Db,
    failure: { organizationId: string; id: string; errorCode: string | null; errorTitle: string },
  ): Promise<void> {
    await db.run(
      qb
        .updateTable('whatsapp_messages')
        .set({
          status: sql.lit('failed'),
          error_code: failure.errorCode,
          error_title: failure.errorTitle.slice(0, 512),
          updated_at: sql<Date>`now()`,
        })
        .where('organization_id', '=', failure.organizationId)
        .where('id', '=', failure.id),
    );
  }

  /**
   * The sender deleted the message for everyone: it is marked (the first time only), its row and text kept for the
   * record. Answers whether the instance holds that message.
   */
  @GenerateSql({
    params: [
      { organizationId: DummyValue.UUID, instanceId: DummyValue.UUID2, providerMessageId: 'X', at: DummyValue.DATE },
    ],
  })
  async markDeleted(
    db: Db,
    key: { organizationId: string; instanceId: string; providerMessageId: string; at: Date },
  ): Promise<boolean> {
    const rows = await db.all(
      qb
        .updateTable('whatsapp_messages')
        .set({
          deleted_at: sql<Date>`COALESCE(deleted_at, ${key.at}::timestamptz)`,
          updated_at: sql<Date>`now()`,
        })
        .where('organization_id', '=', key.organizationId)
        .where('instance_id', '=', key.instanceId)
        .where('provider_message_id', '=', key.providerMessageId)
        .returning('id'),
    );
    return rows.length > 0;
  }

  /** A failed reply of the ticket goes back to pending for another delivery (its old provider id dropped). */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, ticketId: DummyValue.UUID, id: DummyValue.UUID2 }] })
  async resetFailedReply(db: Db, key: { organizationId: string; ticketId: string; id: string }): Promise<boolean> {
    const updated = await db.run(
      qb
        .updateTable('whatsapp_messages')
        .set({
          status: sql.lit('pending'),
          provider_message_id: null,
          error_code: null,
          error_title: null,
          updated_at: sql<Date>`now()`,
        })
        .where('organization_id', '=', key.organizationId)
        .where('ticket_id', '=', key.ticketId)
        .where('id', '=', key.id)
        .where('direction', '=', sql.lit(MessageDirection.OUT))
        .where('status', '=', sql.lit('failed'))
        .where('sender_user_id', 'is not', null),
    );
    return updated > 0;
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
      viewQuery(filter.organizationId)
        .where('m.conversation_id', '=', filter.conversationId)
        .orderBy('m.sent_at', filter.order)
        .orderBy('m.id', filter.order)
        .limit(filter.limit)
        .offset(filter.offset),
    );
    return rows.map(toRow);
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

  /** Every message of the lead's tickets with its file's metadata, oldest first (the privacy export). */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2 }] })
  listOfLead(db: Db, scope: LeadScope) {
    return db.all(
      qb
        .selectFrom('whatsapp_messages as m')
        .leftJoin('whatsapp_media as md', (j) =>
          j.onRef('md.organization_id', '=', 'm.organization_id').onRef('md.message_id', '=', 'm.id'),
        )
        .select([
          'm.id',
          'm.ticket_id as ticketId',
          'm.conversation_id as conversationId',
          'm.direction',
          'm.type',
          'm.body',
          'm.content',
          'm.status',
          'm.sent_at as sentAt',
          'm.deleted_at as deletedAt',
          'md.kind as mediaKind',
          'md.status as mediaStatus',
          'md.mime_type as mediaMimeType',
          'md.file_name as mediaFileName',
          'md.size_bytes as mediaSizeBytes',
        ])
        .where('m.organization_id', '=', scope.organizationId)
        .where('m.ticket_id', 'in', leadTicketIds(scope))
        .orderBy('m.sent_at')
        .orderBy('m.id'),
    );
  }

  /**
   * Erasure: what the messages said goes (body, content, the provider's payload, the quoted context); direction, type,
   * times and status stay, so every count stays. Answers how many messages still had something to erase.
   */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2, now: DummyValue.DATE }] })
  eraseOfLead(db: Db, { now, ...scope }: LeadScope & { now: Date }): Promise<number> {
    return db.run(
      qb
        .updateTable('whatsapp_messages')
        .set({ body: null, content: null, raw: null, context: null, updated_at: now })
        .where('organization_id', '=', scope.organizationId)
        .where('ticket_id', 'in', leadTicketIds(scope))
        .where((eb) =>
          eb.or([
            eb('body', 'is not', null),
            eb('content', 'is not', null),
            eb('raw', 'is not', null),
            eb('context', 'is not', null),
          ]),
        ),
    );
  }
}
