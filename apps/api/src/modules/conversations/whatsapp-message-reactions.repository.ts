import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

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
}
