import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { WhatsappInstance } from '../../whatsapp-instances/entities/whatsapp-instance.entity';

/** A public link (<PUBLIC_URL>/t/<slug>) that records the click's UTMs and click ids, then opens WhatsApp. */
@Entity('tracking_links')
@Index('UQ_tracking_links_slug', ['slug'], { unique: true })
export class TrackingLink extends TenantEntity {
  @Column({ type: 'uuid' })
  instanceId: string;

  @ManyToOne(() => WhatsappInstance, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('instance_id'))
  instance?: Relation<WhatsappInstance>;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** Pre-filled WhatsApp message; the click's code is appended as "(ref: CODE)". */
  @Column({ type: 'varchar', length: 500 })
  message: string;

  @Column({ type: 'varchar', length: 32 })
  slug: string;
}
