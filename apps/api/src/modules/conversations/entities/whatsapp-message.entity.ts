import { MessageDirection } from '@whatrack/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { Ticket } from '../../tickets/entities/ticket.entity';
import { WhatsappInstance } from '../../whatsapp-instances/entities/whatsapp-instance.entity';
import { WhatsappConversation } from './whatsapp-conversation.entity';

@Entity('whatsapp_messages')
@Check('CHK_whatsapp_messages_direction', `direction IN ('in', 'out')`)
// The provider's message id (wamid...) is unique per instance: retried webhook deliveries are no-ops.
@Index('UQ_whatsapp_messages_instance_provider_id', ['organizationId', 'instanceId', 'providerMessageId'], {
  unique: true,
})
@Index('IDX_whatsapp_messages_org_conversation_sent', ['organizationId', 'conversationId', 'sentAt'])
@Index('IDX_whatsapp_messages_org_ticket', ['organizationId', 'ticketId'])
export class WhatsappMessage extends TenantEntity {
  @Column({ type: 'uuid' })
  conversationId: string;

  @ManyToOne(() => WhatsappConversation, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('conversation_id'))
  conversation?: Relation<WhatsappConversation>;

  @Column({ type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('ticket_id'))
  ticket?: Relation<Ticket>;

  @Column({ type: 'uuid' })
  instanceId: string;

  @ManyToOne(() => WhatsappInstance, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantJoin('instance_id'))
  instance?: Relation<WhatsappInstance>;

  @Column({ type: 'varchar', length: 128, nullable: true })
  providerMessageId: string | null;

  @Column({ type: 'varchar', length: 3 })
  direction: MessageDirection;

  /** text, image, audio, video, document, location, contacts, interactive, button, ... */
  @Column({ type: 'varchar', length: 32 })
  type: string;

  @Column({ type: 'text', nullable: true })
  body: string | null;

  /** Delivery status of outbound messages (sent, delivered, read, failed). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  status: string | null;

  @Column({ type: 'timestamptz' })
  sentAt: Date;

  @Column({ type: 'jsonb', nullable: true })
  raw: Record<string, unknown> | null;
}
