import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

export interface ConversationKey {
  organizationId: string;
  leadId: string;
  instanceId: string;
}

/** The SQL of whatsapp_conversations. */
@Injectable()
export class WhatsappConversationsRepository {
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
}
