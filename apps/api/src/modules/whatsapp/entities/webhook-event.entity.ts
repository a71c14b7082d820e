import type { WhatsappProvider } from '@whatrack/shared';
import { Check, Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/entities/base.entity';

export type WebhookEventStatus =
  'pending' | 'processing' | 'processed' | 'partial' | 'failed' | 'unroutable' | 'ignored';

/** A message of an event that could not be applied (its own savepoint rolled back); retrying the event tries it again. */
export interface WebhookRejection {
  providerMessageId: string | null;
  /** The domain error's code (e.g. 'no_sender') or the SQLSTATE of the database's refusal. */
  code: string;
  reason: string;
  at: string;
}

/**
 * A webhook request exactly as received, stored before anything else happens. Processing reads from here with
 * retries, so a crash or a bug loses nothing. organization_id is null until the event is routed to an instance.
 */
@Entity('webhook_events')
@Check('CHK_webhook_events_provider', `provider IN ('cloud_api', 'evolution')`)
@Check(
  'CHK_webhook_events_status',
  `status IN ('pending', 'processing', 'processed', 'partial', 'failed', 'unroutable', 'ignored')`,
)
@Index('IDX_webhook_events_due', ['status', 'nextAttemptAt'])
@Index('IDX_webhook_events_org_received', ['organizationId', 'receivedAt'])
export class WebhookEvent extends BaseEntity {
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'varchar', length: 16 })
  provider: WhatsappProvider;

  @Column({ type: 'uuid', nullable: true })
  instanceId: string | null;

  /** The headers that matter (signature, user agent, content type), for audit and debugging. */
  @Column({ type: 'jsonb' })
  headers: Record<string, string>;

  @Column({ type: 'jsonb' })
  body: unknown;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: WebhookEventStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** When a worker claimed it (processing). */
  @Column({ type: 'timestamptz', nullable: true })
  lockedAt: Date | null;

  /**
   * Until when the claim holds: its worker renews it while it works (heartbeat); past it, the worker is taken for
   * dead and any other one claims the event again.
   */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** Messages the last processing rejected on their own ('partial'): the rest of the event was applied. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  rejections: WebhookRejection[];
}
