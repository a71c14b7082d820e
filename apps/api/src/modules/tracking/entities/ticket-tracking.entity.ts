import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { Ticket } from '../../tickets/entities/ticket.entity';
import { AdPlatform } from './ad-platform.entity';
import { TicketTrackingIdentifier } from './ticket-tracking-identifier.entity';

/** Where a ticket's lead came from: UTM parameters and the ad that brought it (one per ticket). */
@Entity('ticket_trackings')
@Index('UQ_ticket_trackings_org_ticket', ['organizationId', 'ticketId'], { unique: true })
@Index('IDX_ticket_trackings_org_utm_source', ['organizationId', 'utmSource'])
@Index('IDX_ticket_trackings_org_utm_campaign', ['organizationId', 'utmCampaign'])
export class TicketTracking extends TenantEntity {
  @Column({ type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('ticket_id'))
  ticket?: Relation<Ticket>;

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

  @Column({ type: 'uuid', nullable: true })
  adPlatformId: string | null;

  @ManyToOne(() => AdPlatform, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ad_platform_id' })
  adPlatform?: Relation<AdPlatform>;

  @Column({ type: 'varchar', length: 255, nullable: true })
  adId: string | null;

  @Column({ type: 'text', nullable: true })
  sourceUrl: string | null;

  /** Headline of the ad (Click-to-WhatsApp referral). */
  @Column({ type: 'text', nullable: true })
  adHeadline: string | null;

  @OneToMany(() => TicketTrackingIdentifier, (identifier) => identifier.tracking)
  identifiers?: Relation<TicketTrackingIdentifier[]>;
}
