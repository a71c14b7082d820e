import { Injectable } from '@nestjs/common';
import type { WhatsappProvider } from '@whatrack/shared';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import { createWithLead, insertConversation, lockContact, lockConversation } from './whatsapp-conversations.sql';
import { replyTargetQuery } from './reply-target.sql';

/** A conversation is one lead on one WhatsApp instance. */
export interface ConversationKey {
  organizationId: string;
  leadId: string;
  instanceId: string;
}

/** Where a reply on a ticket goes: its conversation, line and lead, and when the lead last wrote. */
export interface ReplyTargetRow {
  ticketId: string;
  conversationId: string;
  instanceId: string;
  provider: WhatsappProvider;
  /** Whether the line holds what its provider needs to send (Cloud API: a token; Evolution: a URL and a key). */
  hasCredentials: boolean;
  leadPhone: string | null;
  lastInboundAt: Date | null;
}

/** How a sender's lead is found (as findOrCreateLead does): its phone key, else its WhatsApp user id. */
export type ContactMatch = { column: 'phone_key' | 'wa_user_id'; value: string };

export interface ContactRow {
  leadId: string;
  hasName: boolean;
  hasPhone: boolean;
  hasWaUserId: boolean;
  /** The lead's conversation on the instance, locked until the transaction ends; null when it has none. */
  conversationId: string | null;
}

/** The values of a lead created with its first conversation. */
export interface NewContact {
  organizationId: string;
  instanceId: string;
  lead: {
    name: string | null;
    phone: string | null;
    phoneKey: string | null;
    email: string | null;
    waUserId: string | null;
  };
  /** The message that brings the lead in: is it already stored (under another sender's conversation)? */
  providerMessageId: string;
}

const KEY: ConversationKey = { organizationId: DummyValue.UUID, leadId: DummyValue.UUID2, instanceId: DummyValue.UUID };

/**
 * The SQL of whatsapp_conversations. Two hot statements of webhook ingestion also read or write leads (and read
 * whatsapp_messages), as they always did, to stay one round trip (rule 1's exception): lockContact (the sender's
 * lead with its conversation's lock) and createWithLead (a new lead with its conversation). Every other statement
 * on leads is LeadsRepository's. A conversation's last_message_at moves in the message insert
 * (WhatsappMessagesRepository, one statement).
 */
@Injectable()
export class WhatsappConversationsRepository {
  /**
   * The sender's lead, found by `match`, with its conversation on the instance locked (FOR UPDATE) until the
   * transaction ends: concurrent deliveries of one lead's messages then apply one at a time. Undefined: no lead.
   */
  @GenerateSql(
    ...(['phone_key', 'wa_user_id'] as const).map((column) => ({
      name: column,
      params: [{ organizationId: DummyValue.UUID, instanceId: DummyValue.UUID2, match: { column, value: 'v' } }],
    })),
  )
  async lockContact(
    db: Db,
    key: { organizationId: string; instanceId: string; match: ContactMatch },
  ): Promise<ContactRow | undefined> {
    const { organizationId, instanceId, match } = key;
    return db.first(lockContact[match.column]({ organizationId, instanceId, value: match.value }), {
      // One statement per match column: a prepared statement's text never depends on input.
      prepare: `whatsapp_conversations.lockContact.${match.column}`,
    });
  }

  /**
   * Creates the lead and its conversation on the instance in one statement, also telling whether the message is
   * already stored. Undefined when the lead insert conflicts with any lead's unique values (a concurrent first
   * message, or a match lockContact does not make): the caller then takes the general path.
   */
  @GenerateSql({
    params: [
      {
        organizationId: DummyValue.UUID,
        instanceId: DummyValue.UUID2,
        lead: { name: 'Ana', phone: '+5511999990000', phoneKey: '5511999990000', email: null, waUserId: null },
        providerMessageId: 'wamid.EXAMPLE',
      },
    ],
  })
  async createWithLead(
    db: Db,
    contact: NewContact,
  ): Promise<{ leadId: string; conversationId: string; messageStored: boolean } | undefined> {
    const { organizationId, instanceId, lead, providerMessageId } = contact;
    const { name, phone, phoneKey, email, waUserId } = lead;
    return db.first(
      createWithLead({ organizationId, instanceId, name, phone, phoneKey, email, waUserId, providerMessageId }),
      { prepare: 'whatsapp_conversations.createWithLead' },
    );
  }

  /** The (lead, instance) conversation's id, locked until the transaction ends. */
  @GenerateSql({ params: [KEY] })
  async lock(db: Db, key: ConversationKey): Promise<string | undefined> {
    const { organizationId, leadId, instanceId } = key;
    const row = await db.first(lockConversation({ organizationId, leadId, instanceId }), {
      prepare: 'whatsapp_conversations.lock',
    });
    return row?.id;
  }

  /** Creates the (lead, instance) conversation unless it exists (a concurrent insert wins quietly). */
  @GenerateSql({ params: [KEY] })
  async insertIfMissing(db: Db, key: ConversationKey): Promise<void> {
    const { organizationId, leadId, instanceId } = key;
    await db.run(insertConversation({ organizationId, leadId, instanceId }), {
      prepare: 'whatsapp_conversations.insertIfMissing',
    });
  }

  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, id: DummyValue.UUID2 }] })
  async exists(db: Db, key: { organizationId: string; id: string }): Promise<boolean> {
    const row = await db.first(
      qb
        .selectFrom('whatsapp_conversations')
        .select(sql<number>`1`.as('found'))
        .where('organization_id', '=', key.organizationId)
        .where('id', '=', key.id)
        .limit(sql.lit(1)),
    );
    return row !== undefined;
  }

  /**
   * Finds or creates the (lead, instance) conversation in one statement; concurrent calls converge on one row. When
   * another transaction committed the row after this statement's snapshot, the insert does nothing and the row is
   * only visible to a new statement: hence the second read.
   */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2, instanceId: DummyValue.UUID }] })
  async findOrCreate(db: Db, key: ConversationKey): Promise<{ id: string }> {
    const { organizationId, leadId, instanceId } = key;
    const existing = qb
      .selectFrom('whatsapp_conversations')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('lead_id', '=', leadId)
      .where('instance_id', '=', instanceId);
    const row = await db.first(
      qb
        .with('created', (q) =>
          q
            .insertInto('whatsapp_conversations')
            .values({ organization_id: organizationId, lead_id: leadId, instance_id: instanceId })
            .onConflict((oc) => oc.columns(['organization_id', 'lead_id', 'instance_id']).doNothing())
            .returning('id'),
        )
        .selectFrom('created')
        .select('id')
        .unionAll(existing)
        .limit(1),
      { prepare: 'whatsapp_conversations.findOrCreate' },
    );
    if (row) return row;
    const winner = await db.first(existing);
    if (!winner) throw new Error('Conversation insert conflicted but no matching conversation was found');
    return winner;
  }

  /** The ticket's conversation as replying needs it (tickets, conversations, instances and leads of one organization). */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, ticketId: DummyValue.UUID2 }] })
  async replyTarget(db: Db, key: { organizationId: string; ticketId: string }): Promise<ReplyTargetRow | undefined> {
    const row = await db.first(replyTargetQuery(key), { prepare: 'whatsapp_conversations.replyTarget' });
    return row && { ...row, provider: row.provider as WhatsappProvider };
  }
}
