import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { TrackingLink } from './tracking-link.entity';

/** One visit of a tracking link, with the attribution it carried and the short code sent in the message. */
@Entity('tracking_clicks')
@Index('UQ_tracking_clicks_org_code', ['organizationId', 'code'], { unique: true })
@Index('IDX_tracking_clicks_org_link', ['organizationId', 'linkId'])
export class TrackingClick extends TenantEntity {
  @Column({ type: 'uuid' })
  linkId: string;

  @ManyToOne(() => TrackingLink, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('link_id'))
  link?: Relation<TrackingLink>;

  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  utmSource: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  utmMedium: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  utmCampaign: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  utmTerm: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  utmContent: string | null;

  /** Click ids of known identifier types, by key (gclid, fbclid, ...). */
  @Column({ type: 'jsonb' })
  clickIds: Record<string, string>;

  @Column({ type: 'text', nullable: true })
  referrer: string | null;

  @Column({ type: 'text', nullable: true })
  userAgent: string | null;

  /** The ticket this click attributed, once a message with its code arrived. */
  @Column({ type: 'uuid', nullable: true })
  ticketId: string | null;
}
