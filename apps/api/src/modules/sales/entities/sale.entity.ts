import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { numericTransformer } from '../../../common/transformers/numeric.transformer';
import { Ticket } from '../../tickets/entities/ticket.entity';

@Entity('sales')
@Check('CHK_sales_value', `value > 0`)
@Index('IDX_sales_org_ticket', ['organizationId', 'ticketId'])
@Index('IDX_sales_org_sold_at', ['organizationId', 'soldAt'])
export class Sale extends TenantEntity {
  @Column({ type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('ticket_id'))
  ticket?: Relation<Ticket>;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  value: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Column({ type: 'timestamptz' })
  soldAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;
}
