import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { numericTransformer } from '../../../common/transformers/numeric.transformer';
import { AdPlatform } from '../../tracking/entities/ad-platform.entity';

/**
 * Money spent on one campaign of one ad platform on one calendar day (in the organization's time zone), imported
 * from the platforms' reports. `campaign` matches the tickets' utmCampaign. Re-importing a day replaces its row.
 */
@Entity('ad_spend')
@Check('CHK_ad_spend_spend', `spend >= 0`)
@Index('UQ_ad_spend_org_date_platform_campaign', ['organizationId', 'date', 'adPlatformId', 'campaign'], {
  unique: true,
})
export class AdSpend extends TenantEntity {
  /** Calendar day, YYYY-MM-DD. */
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'uuid' })
  adPlatformId: string;

  @ManyToOne(() => AdPlatform, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ad_platform_id' })
  adPlatform?: Relation<AdPlatform>;

  @Column({ type: 'varchar', length: 255 })
  campaign: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  spend: number;
}
