import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { WhatsappInstance } from '../../whatsapp-instances/entities/whatsapp-instance.entity';

/**
 * A delivery status whose message is not known (yet): the provider's status webhook may be processed before the
 * replies worker has stored the provider's message id. Kept here, and applied when that id is stored; statuses of
 * messages sent elsewhere simply stay recorded.
 */
@Entity('whatsapp_status_orphans')
@Index('IDX_whatsapp_status_orphans_message', ['organizationId', 'instanceId', 'providerMessageId'])
export class WhatsappStatusOrphan extends TenantEntity {
  @Column({ type: 'uuid' })
  instanceId: string;

  @ManyToOne(() => WhatsappInstance, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('instance_id'))
  instance?: Relation<WhatsappInstance>;

  @Column({ type: 'varchar', length: 128 })
  providerMessageId: string;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  errorCode: string | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  errorTitle: string | null;
}
