import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../../../common/entities/base.entity';
import { AdPlatform } from './ad-platform.entity';

/** A kind of click id (gclid, fbclid, ctwaclid...). Adding one is a row, not a code change. */
@Entity('tracking_identifier_types')
export class TrackingIdentifierType extends BaseEntity {
  @Index('UQ_tracking_identifier_types_key', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  key: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'uuid' })
  adPlatformId: string;

  @ManyToOne(() => AdPlatform, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ad_platform_id' })
  adPlatform?: Relation<AdPlatform>;
}
