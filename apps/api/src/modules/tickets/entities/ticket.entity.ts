import { MessageDirection, TicketCreatorType, TicketSourceType, TicketStatus } from '@whatrack/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { numericTransformer } from '../../../common/transformers/numeric.transformer';
import { WhatsappConversation } from '../../conversations/entities/whatsapp-conversation.entity';
import { Lead } from '../../leads/entities/lead.entity';
import { TicketStage } from '../../stages/entities/ticket-stage.entity';
import { User } from '../../users/entities/user.entity';

@Entity('tickets')
@Check('CHK_tickets_creator_type', `creator_type IN ('USER', 'SYSTEM')`)
@Check('CHK_tickets_source_type', `source_type IN ('paid', 'organic')`)
@Check('CHK_tickets_status', `status IN ('open', 'closed')`)
@Check('CHK_tickets_deal_value', `deal_value >= 0`)
@Index('IDX_tickets_org_created', ['organizationId', 'createdAt', 'id'])
@Index('IDX_tickets_org_updated', ['organizationId', 'updatedAt', 'id'])
@Index('IDX_tickets_org_deal_value', ['organizationId', 'dealValue', 'id'])
// Trigram index for the assignee-name search; an expression index created by hand in a migration.
@Index('IDX_tickets_assignee_name_trgm', { synchronize: false })
@Index('IDX_tickets_org_assignee_name_prefix', { synchronize: false })
@Index('IDX_tickets_org_stage', ['organizationId', 'stageId'])
@Index('IDX_tickets_org_conversation', ['organizationId', 'conversationId'])
// (organization_id, lead_id) INCLUDE (status, sales_count, deal_value): a search's summary, index-only (TicketsLeadCovering).
@Index('IDX_tickets_org_lead', { synchronize: false })
@Index('IDX_tickets_org_assignee', ['organizationId', 'assigneeId'])
@Check('CHK_tickets_last_message_direction', `last_message_direction IN ('in', 'out')`)
// The queue's sorts: expression indexes on COALESCE(last_message_at | waiting_since, ±infinity), id (TicketQueue).
@Index('IDX_tickets_org_last_message', { synchronize: false })
@Index('IDX_tickets_org_waiting', { synchronize: false })
@Index('IDX_tickets_org_unread', ['organizationId', 'id'], { where: 'unread_count > 0' })
// The views' counts (mine, unassigned, waiting, unread) of open tickets, from the index alone.
@Index('IDX_tickets_org_open_queue', ['organizationId', 'assigneeId', 'waitingSince', 'unreadCount'], {
  where: `status = 'open'`,
})
export class Ticket extends TenantEntity {
  @Column({ type: 'uuid' })
  conversationId: string;

  @ManyToOne(() => WhatsappConversation, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantJoin('conversation_id'))
  conversation?: Relation<WhatsappConversation>;

  /** Denormalized from the conversation so listings filter and join leads without a hop. */
  @Column({ type: 'uuid' })
  leadId: string;

  @ManyToOne(() => Lead, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantJoin('lead_id'))
  lead?: Relation<Lead>;

  @Column({ type: 'uuid' })
  stageId: string;

  @ManyToOne(() => TicketStage, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantJoin('stage_id'))
  stage?: Relation<TicketStage>;

  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: Relation<User>;

  /** Kept with the ticket so the listing shows it without a join and survives the user's removal. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  assigneeName: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0, transformer: numericTransformer })
  dealValue: number;

  @Column({ type: 'varchar', length: 8 })
  creatorType: TicketCreatorType;

  @Column({ type: 'varchar', length: 8 })
  sourceType: TicketSourceType;

  @Column({ type: 'varchar', length: 8, default: TicketStatus.OPEN })
  status: TicketStatus;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  messagesCount: number;

  /** The first outbound message on the ticket (a reply, or one the business sent from its phone); kept by a trigger. */
  @Column({ type: 'timestamptz', nullable: true })
  firstResponseAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  salesCount: number;

  /** The ticket's newest message (system notices aside): kept by the message trigger (migration TicketQueue). */
  @Column({ type: 'timestamptz', nullable: true })
  lastMessageAt: Date | null;

  /** Its text on one line, cut to 140 characters; media as a pt-BR label ("📷 Foto") or icon and caption. */
  @Column({ type: 'varchar', length: 140, nullable: true })
  lastMessagePreview: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  lastMessageType: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  lastMessageDirection: MessageDirection | null;

  /** Inbound messages since the team last read the ticket (POST /tickets/:id/read). */
  @Column({ type: 'integer', default: 0 })
  unreadCount: number;

  /** The oldest inbound message not answered yet (null when the last word was the business's). */
  @Column({ type: 'timestamptz', nullable: true })
  waitingSince: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastReadAt: Date | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0, transformer: numericTransformer })
  salesTotal: number;
}
