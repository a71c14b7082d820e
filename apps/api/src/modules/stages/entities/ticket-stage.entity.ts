import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';

@Entity('ticket_stages')
// Case-insensitive unique name: an expression index, created by hand in the migration.
@Index('UQ_ticket_stages_org_lower_name', { synchronize: false })
@Index('IDX_ticket_stages_org_position', ['organizationId', 'position'])
export class TicketStage extends TenantEntity {
  @Column({ type: 'varchar', length: 60 })
  name: string;

  /** #rrggbb */
  @Column({ type: 'char', length: 7 })
  color: string;

  /** Kanban order, ascending ("order" in the API). */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'boolean', default: false })
  isClosed: boolean;
}
