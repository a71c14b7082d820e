import { Check, Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';

export const AUDIT_ACTIONS = ['lead.exported', 'lead.erased'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Who did what to whom, for the organization's records (LGPD requests). `details` never holds personal data: it
 * must outlive an erasure.
 */
@Entity('audit_log')
@Check('CHK_audit_log_actor_type', `actor_type IN ('user', 'api_key', 'system')`)
@Check('CHK_audit_log_action', `action IN ('lead.exported', 'lead.erased')`)
@Index('IDX_audit_log_org_created', ['organizationId', 'createdAt', 'id'])
export class AuditLogEntry extends TenantEntity {
  @Column({ type: 'varchar', length: 8 })
  actorType: 'user' | 'api_key' | 'system';

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  actorName: string | null;

  @Column({ type: 'varchar', length: 32 })
  action: AuditAction;

  @Column({ type: 'varchar', length: 32 })
  subjectType: 'lead';

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}
