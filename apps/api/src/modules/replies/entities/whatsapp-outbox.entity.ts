import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { WhatsappMessage } from '../../conversations/entities/whatsapp-message.entity';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * The replies outbox: one row per outbound message to deliver, written in the transaction that stores the message,
 * delivered by the replies worker (job runner) with retries and backoff. A provider outage or a restart loses nothing:
 * the row stays due until the provider accepts it or it fails for good.
 */
@Entity('whatsapp_outbox')
@Check('CHK_whatsapp_outbox_status', `status IN ('pending', 'sent', 'failed')`)
@Index('UQ_whatsapp_outbox_org_message', ['organizationId', 'messageId'], { unique: true })
@Index('IDX_whatsapp_outbox_due', ['nextAttemptAt'], { where: `status = 'pending'` })
export class WhatsappOutbox extends TenantEntity {
  @Column({ type: 'uuid' })
  messageId: string;

  @ManyToOne(() => WhatsappMessage, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('message_id'))
  message?: Relation<WhatsappMessage>;

  /** What to send: { kind: 'text', text } or { kind: 'template', name, language, variables }. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /**
   * Until when a worker's claim holds (renewed while it sends); past it the row is due again. A pending row with a
   * live lease is being sent.
   */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
