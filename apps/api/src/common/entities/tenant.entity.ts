import { Column, JoinColumn, ManyToOne, type Relation, Unique } from 'typeorm';
import { Organization } from '../../modules/organizations/entities/organization.entity';
import { BaseEntity } from './base.entity';

/**
 * A row owned by one organization. (organization_id, id) is unique so that child tables can reference
 * their parent with a composite foreign key, which makes a cross-organization link impossible in the database.
 * That unique index also serves every scan by organization (and the organization's ON DELETE CASCADE): a separate
 * index on organization_id alone would only be one more index to write on every insert and update.
 */
@Unique(['organizationId', 'id'])
export abstract class TenantEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;
}
