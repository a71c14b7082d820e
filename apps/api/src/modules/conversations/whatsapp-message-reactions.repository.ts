import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import { type LeadScope, leadTicketIds } from '../leads/lead-scope.sql';

/** A reaction (or its removal: emoji null) by one side to a message named by its provider id. */
export interface NewReaction {
  organizationId: string;
  instanceId: string;
  targetProviderMessageId: string;
  direction: 'in' | 'out';
  emoji: string | null;
  reactedAt: Date;
  providerMessageId: string | null;
}

/**
 * The SQL of whatsapp_message_reactions. The messages view reads them (whatsapp-messages.sql.ts viewQuery) by the
 * message's provider id.
 */
@Injectable()
export class WhatsappMessageReactionsRepository {
  /**
   * Keeps the side's latest reaction to the message in one statement: a newer one replaces it, an older one (a late
   * redelivery) changes nothing, and a removal is kept as a row without emoji.
   */
  @GenerateSql({
    params: [
      {
        organizationId: DummyValue.UUID,
        instanceId: DummyValue.UUID2,
        targetProviderMessageId: 'wamid.X',
        direction: 'in',
        emoji: '👍',
        reactedAt: DummyValue.DATE,
        providerMessageId: 'wamid.R',
      },
    ],
  })
  async record(db: Db, r: NewReaction): Promise<void> {
    await db.run(
      qb
        .insertInto('whatsapp_message_reactions')
        .values({
          organization_id: r.organizationId,
          instance_id: r.instanceId,
          target_provider_message_id: r.targetProviderMessageId,
          direction: r.direction,
          emoji: r.emoji,
          reacted_at: r.reactedAt,
          provider_message_id: r.providerMessageId,
        })
        .onConflict((oc) =>
          oc
            .columns(['organization_id', 'instance_id', 'target_provider_message_id', 'direction'])
            .doUpdateSet({
              emoji: sql<string | null>`excluded.emoji`,
              reacted_at: sql<Date>`excluded.reacted_at`,
              provider_message_id: sql<string | null>`excluded.provider_message_id`,
              updated_at: sql<Date>`now()`,
            })
            .where(sql<boolean>`excluded.reacted_at >= whatsapp_message_reactions.reacted_at`),
        ),
      { prepare: 'whatsapp_message_reactions.record' },
    );
  }

  /** Erasure: the emoji of every reaction to the lead's messages (either side's) goes; the rows stay. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2, now: DummyValue.DATE }] })
  eraseOfLead(db: Db, { now, ...scope }: LeadScope & { now: Date }): Promise<number> {
    return db.run(
      qb
        .updateTable('whatsapp_message_reactions as r')
        .set({ emoji: null, updated_at: now })
        .where('r.organization_id', '=', scope.organizationId)
        .where('r.emoji', 'is not', null)
        .where((eb) =>
          eb(
            eb.refTuple('r.instance_id', 'r.target_provider_message_id'),
            'in',
            eb
              .selectFrom('whatsapp_messages as m')
              .select(['m.instance_id', 'm.provider_message_id'])
              .where('m.organization_id', '=', scope.organizationId)
              .where('m.ticket_id', 'in', leadTicketIds(scope))
              .$narrowType<{ provider_message_id: string }>()
              .$asTuple('instance_id', 'provider_message_id'),
          ),
        ),
    );
  }
}
