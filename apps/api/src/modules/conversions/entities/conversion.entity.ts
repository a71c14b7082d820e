import { CONVERSION_STATUSES, type ConversionStatus } from '@whatrack/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { numericTransformer } from '../../../common/transformers/numeric.transformer';
import { Sale } from '../../sales/entities/sale.entity';
import { Ticket } from '../../tickets/entities/ticket.entity';

export const CONVERSION_KINDS = ['purchase', 'stage'] as const;
export type ConversionKind = (typeof CONVERSION_KINDS)[number];

export { CONVERSION_STATUSES, type ConversionStatus };

/**
 * Outbox of conversions to deliver to Meta's Conversions API. A row is written in the same transaction as the sale
 * or stage change it reports; (organization_id, event_id) is unique, so a conversion can be queued only once.
 */
@Entity('conversions')
@Check('CHK_conversions_kind', `kind IN ('purchase', 'stage')`)
@Check('CHK_conversions_status', `status IN ('pending', 'sent', 'failed', 'skipped')`)
@Index('UQ_conversions_org_event_id', ['organizationId', 'eventId'], { unique: true })
@Index('IDX_conversions_org_created', ['organizationId', 'createdAt', 'id'])
@Index('IDX_conversions_due', ['status', 'nextAttemptAt'])
export class Conversion extends TenantEntity {
  @Column({ type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('ticket_id'))
  ticket?: Relation<Ticket>;

  /** The sale of a purchase; null for a stage conversion, or once the sale is deleted. */
  @Column({ type: 'uuid', nullable: true })
  saleId: string | null;

  @ManyToOne(() => Sale, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sale_id' })
  sale?: Relation<Sale>;

  @Column({ type: 'varchar', length: 16 })
  kind: ConversionKind;

  @Column({ type: 'varchar', length: 64 })
  eventName: string;

  /** Stable per conversion (purchase:<saleId>, stage:<ticketId>:<stageId>): Meta deduplicates on it. */
  @Column({ type: 'varchar', length: 128 })
  eventId: string;

  @Column({ type: 'timestamptz' })
  eventTime: Date;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: numericTransformer })
  value: number | null;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 512 })
  ctwaClid: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: ConversionStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /**
   * Until when a worker's claim holds (the job runner renews it while the batch is sent); null when nobody holds
   * the row. Past it, the worker is taken for dead and the row is claimed again (its attempt counted).
   */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** The Meta event exactly as sent (built when queued). */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;
}
