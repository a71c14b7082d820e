import { TicketEventType } from '@whatrack/shared';
import { Check, Column, Entity, Generated, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { Ticket } from './ticket.entity';

/** The activity timeline of a ticket: who changed what, with the values before and after. */
@Entity('ticket_events')
@Check('CHK_ticket_events_actor_type', `actor_type IN ('user', 'api_key', 'system')`)
@Index('IDX_ticket_events_org_ticket_seq', ['organizationId', 'ticketId', 'seq'])
export class TicketEvent extends TenantEntity {
  @Column({ type: 'uuid' })
  ticketId: string;

  /** Insertion order: events of one transaction share created_at, and the timeline must keep their order. */
  @Column({ type: 'bigint', transformer: { to: (v: unknown) => v, from: (v: string) => Number(v) } })
  @Generated('increment')
  seq: number;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('ticket_id'))
  ticket?: Relation<Ticket>;

  @Column({ type: 'varchar', length: 32 })
  type: TicketEventType;

  @Column({ type: 'varchar', length: 8 })
  actorType: 'user' | 'api_key' | 'system';

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  actorName: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;
}
