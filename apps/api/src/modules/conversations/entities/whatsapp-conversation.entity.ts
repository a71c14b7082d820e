import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { Lead } from '../../leads/entities/lead.entity';
import { WhatsappInstance } from '../../whatsapp-instances/entities/whatsapp-instance.entity';

@Entity('whatsapp_conversations')
@Index('UQ_whatsapp_conversations_org_lead_instance', ['organizationId', 'leadId', 'instanceId'], {
  unique: true,
})
@Index('IDX_whatsapp_conversations_org_instance', ['organizationId', 'instanceId'])
export class WhatsappConversation extends TenantEntity {
  @Column({ type: 'uuid' })
  leadId: string;

  @ManyToOne(() => Lead, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantJoin('lead_id'))
  lead?: Relation<Lead>;

  @Column({ type: 'uuid' })
  instanceId: string;

  @ManyToOne(() => WhatsappInstance, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantJoin('instance_id'))
  instance?: Relation<WhatsappInstance>;

  @Column({ type: 'timestamptz', nullable: true })
  lastMessageAt: Date | null;

  /** When the lead last wrote (inbound messages only): the Cloud API's 24-hour customer service window opens there. */
  @Column({ type: 'timestamptz', nullable: true })
  lastInboundAt: Date | null;
}
