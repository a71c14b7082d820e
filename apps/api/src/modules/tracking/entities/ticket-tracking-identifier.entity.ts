import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { TicketTracking } from './ticket-tracking.entity';
import { TrackingIdentifierType } from './tracking-identifier-type.entity';

/** One click id (gclid, fbclid, ctwaclid...) of a ticket's tracking. */
@Entity('ticket_tracking_identifiers')
@Index('UQ_ticket_tracking_identifiers_tracking_type', ['organizationId', 'trackingId', 'identifierTypeId'], {
  unique: true,
})
@Index('IDX_ticket_tracking_identifiers_org_type_value', ['organizationId', 'identifierTypeId', 'value'])
export class TicketTrackingIdentifier extends TenantEntity {
  @Column({ type: 'uuid' })
  trackingId: string;

  @ManyToOne(() => TicketTracking, (tracking) => tracking.identifiers, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('tracking_id'))
  tracking?: Relation<TicketTracking>;

  @Column({ type: 'uuid' })
  identifierTypeId: string;

  @ManyToOne(() => TrackingIdentifierType, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'identifier_type_id' })
  identifierType?: Relation<TrackingIdentifierType>;

  @Column({ type: 'varchar', length: 512 })
  value: string;
}
