import { MessageDirection } from '@whatrack/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { Ticket } from '../../tickets/entities/ticket.entity';
import { User } from '../../users/entities/user.entity';
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
// A retried POST /tickets/:id/messages with the same Idempotency-Key answers the message it created the first time.
@Index('UQ_whatsapp_messages_org_idempotency_key', ['organizationId', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
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

  /** The agent (or API key's creator) who wrote an outbound reply in the product; null for everything else. */
  @Column({ type: 'uuid', nullable: true })
  senderUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantJoin('sender_user_id'))
  senderUser?: Relation<User>;

  /** Why delivery failed for good: the provider's error code (e.g. 131047) and title, kept for the agent. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  errorCode: string | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  errorTitle: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'jsonb', nullable: true })
  raw: Record<string, unknown> | null;

  /** What the message carries besides its text (MessageContent: location, contacts, order...). */
  @Column({ type: 'jsonb', nullable: true })
  content: Record<string, unknown> | null;

  /** The message it quotes and whether it was forwarded (StoredContext). */
  @Column({ type: 'jsonb', nullable: true })
  context: Record<string, unknown> | null;

  /** When the sender deleted it for everyone; the row (and its text) stay for the record. */
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
