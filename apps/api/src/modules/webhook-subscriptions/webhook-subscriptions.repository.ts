import { Injectable } from '@nestjs/common';
import type { WebhookEventType } from '@whatrack/shared';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

/** A subscription without its secret (read only by the worker, through the delivery claim). */
export interface WebhookSubscriptionRow {
  id: string;
  organizationId: string;
  url: string;
  events: WebhookEventType[];
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface WebhookSubscriptionChanges {
  url?: string;
  events?: WebhookEventType[];
  active?: boolean;
  secretEncrypted?: string;
}

const COLUMNS = [
  'webhook_subscriptions.id',
  'webhook_subscriptions.organization_id as organizationId',
  'webhook_subscriptions.url',
  'webhook_subscriptions.events',
  'webhook_subscriptions.active',
  'webhook_subscriptions.created_at as createdAt',
  'webhook_subscriptions.updated_at as updatedAt',
] as const;

const KEY = { organizationId: DummyValue.UUID, id: DummyValue.UUID2 };
const EVENTS: WebhookEventType[] = ['ticket.created', 'sale.created'];

/**
 * The only SQL of webhook_subscriptions, besides the trigger of migration Webhooks that reads them to queue
 * deliveries and the delivery claim that reads a subscription's URL and secret.
 */
@Injectable()
export class WebhookSubscriptionsRepository {
  @GenerateSql({
    params: [
      {
        organizationId: DummyValue.UUID,
        url: 'https://example.com/h',
        events: EVENTS,
        active: true,
        secretEncrypted: 'x',
      },
    ],
  })
  insert(
    db: Db,
    row: { organizationId: string; url: string; events: WebhookEventType[]; active: boolean; secretEncrypted: string },
  ): Promise<WebhookSubscriptionRow> {
    return db.one(
      qb
        .insertInto('webhook_subscriptions')
        .values({
          organization_id: row.organizationId,
          url: row.url,
          events: row.events,
          active: row.active,
          secret_encrypted: row.secretEncrypted,
        })
        .returning(COLUMNS)
        .$narrowType<{ events: WebhookEventType[] }>(),
    );
  }

  /** Oldest first: an organization has a handful. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID }] })
  list(db: Db, { organizationId }: { organizationId: string }): Promise<WebhookSubscriptionRow[]> {
    return db.all(
      qb
        .selectFrom('webhook_subscriptions')
        .select(COLUMNS)
        .$narrowType<{ events: WebhookEventType[] }>()
        .where('organization_id', '=', organizationId)
        .orderBy('id'),
    );
  }

  @GenerateSql({ params: [KEY] })
  find(db: Db, key: { organizationId: string; id: string }): Promise<WebhookSubscriptionRow | undefined> {
    return db.first(
      qb
        .selectFrom('webhook_subscriptions')
        .select(COLUMNS)
        .$narrowType<{ events: WebhookEventType[] }>()
        .where('organization_id', '=', key.organizationId)
        .where('id', '=', key.id),
    );
  }

  /** Answers the row as changed, or undefined when the organization has no such subscription. */
  @GenerateSql({ params: [KEY, { active: false }, DummyValue.DATE] })
  update(
    db: Db,
    key: { organizationId: string; id: string },
    changes: WebhookSubscriptionChanges,
    now: Date,
  ): Promise<WebhookSubscriptionRow | undefined> {
    return db.first(
      qb
        .updateTable('webhook_subscriptions')
        .set({
          ...(changes.url !== undefined && { url: changes.url }),
          ...(changes.events !== undefined && { events: changes.events }),
          ...(changes.active !== undefined && { active: changes.active }),
          ...(changes.secretEncrypted !== undefined && { secret_encrypted: changes.secretEncrypted }),
          updated_at: now,
        })
        .where('organization_id', '=', key.organizationId)
        .where('id', '=', key.id)
        .returning(COLUMNS)
        .$narrowType<{ events: WebhookEventType[] }>(),
    );
  }

  /** Its deliveries go with it (ON DELETE CASCADE); answers whether it existed. */
  @GenerateSql({ params: [KEY] })
  async delete(db: Db, key: { organizationId: string; id: string }): Promise<boolean> {
    const deleted = await db.run(
      qb.deleteFrom('webhook_subscriptions').where('organization_id', '=', key.organizationId).where('id', '=', key.id),
    );
    return deleted > 0;
  }
}
