import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { Ticket } from '../../tickets/entities/ticket.entity';

export const NOTE_TEXT_MAX_LENGTH = 4096;
export const NOTE_AUTHOR_NAME_MAX_LENGTH = 120;

/**
 * An internal note of the team on a ticket: shown beside the WhatsApp chat, never sent to the lead. The author is
 * kept by name as well (like the activity timeline's actor), so a note reads the same whoever left since.
 */
@Entity('ticket_notes')
@Check('CHK_ticket_notes_author_type', `author_type IN ('user', 'api_key')`)
@Check('CHK_ticket_notes_text', `char_length(text) BETWEEN 1 AND ${NOTE_TEXT_MAX_LENGTH}`)
@Index('IDX_ticket_notes_org_ticket_created', ['organizationId', 'ticketId', 'createdAt'])
export class TicketNote extends TenantEntity {
  @Column({ type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('ticket_id'))
  ticket?: Relation<Ticket>;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 8 })
  authorType: 'user' | 'api_key';

  /** The user, or the API key, that wrote it (no foreign key: the note outlives a revoked key). */
  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'varchar', length: NOTE_AUTHOR_NAME_MAX_LENGTH })
  authorName: string;

  /** Users of the organization the note mentions, checked when it is written. */
  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  mentionedUserIds: string[];
}
