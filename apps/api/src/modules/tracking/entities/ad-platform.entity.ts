import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/entities/base.entity';

/** Reference data shared by every organization (seeded by a migration): Google Ads, Meta Ads, TikTok Ads. */
@Entity('ad_platforms')
export class AdPlatform extends BaseEntity {
  @Index('UQ_ad_platforms_key', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  key: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;
}
