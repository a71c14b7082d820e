import type { WebhookDeliveryStatus } from '@whatrack/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { WebhookSubscription } from './webhook-subscription.entity';

/** One try at a subscriber, kept on its delivery for the log (at most WEBHOOKS_MAX_ATTEMPTS of them). */
export interface WebhookAttempt {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * The outbox of one event for one subscription, and a job of the webhooks worker (JobRunner): pending until the
 * subscriber answers 2xx (delivered), it gives up (failed) or the subscription is paused (canceled). The payload
 * is the exact JSON body sent, fixed when the event happened, so every retry carries the same id and data.
 */
@Entity('webhook_deliveries')
@Check('CHK_webhook_deliveries_status', `status IN ('pending', 'delivered', 'failed', 'canceled')`)
@Index('IDX_webhook_deliveries_due', ['nextAttemptAt'], { where: `status = 'pending'` })
@Index('IDX_webhook_deliveries_subscription', ['organizationId', 'subscriptionId', 'id'])
export class WebhookDelivery extends TenantEntity {
  @Column({ type: 'uuid' })
  subscriptionId: string;

  @ManyToOne(() => WebhookSubscription, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('subscription_id'))
  subscription?: Relation<WebhookSubscription>;

  /** The event's id (the body's `id`): the same for every subscription the event went to. */
  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'varchar', length: 32 })
  eventType: string;

  @Column({ type: 'json' })
  payload: unknown;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: WebhookDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** Until when a worker's claim holds; past it the worker is taken for dead and the row is claimed again. */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'integer', nullable: true })
  lastStatusCode: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /** Every attempt's outcome, oldest first; response bodies are kept only as a short excerpt in `error`. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  attemptLog: WebhookAttempt[];
}
