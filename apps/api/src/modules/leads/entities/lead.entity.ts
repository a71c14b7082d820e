import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';

@Entity('leads')
@Index('UQ_leads_org_phone', ['organizationId', 'phone'], { unique: true })
@Index('UQ_leads_org_phone_key', ['organizationId', 'phoneKey'], { unique: true })
@Index('UQ_leads_org_email', ['organizationId', 'email'], { unique: true })
@Index('UQ_leads_org_wa_user_id', ['organizationId', 'waUserId'], { unique: true })
// Trigram indexes for partial, accent-insensitive search; expression indexes created by hand in a migration.
@Index('IDX_leads_name_trgm', { synchronize: false })
@Index('IDX_leads_phone_trgm', { synchronize: false })
@Index('IDX_leads_email_trgm', { synchronize: false })
// Prefix search of one- and two-character terms (text_pattern_ops expression indexes, also by hand).
@Index('IDX_leads_org_name_prefix', { synchronize: false })
@Index('IDX_leads_org_email_prefix', { synchronize: false })
export class Lead extends TenantEntity {
  @Column({ type: 'varchar', length: 160, nullable: true })
  name: string | null;

  /** E.164, e.g. +5511999998888. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  /**
   * Matching key of the phone: E.164 with the Brazilian mobile ninth digit removed, so that
   * +55 11 9 8888-7777 and +55 11 8888-7777 (as WhatsApp ids often arrive) are one lead.
   */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phoneKey: string | null;

  /** WhatsApp business-scoped user id (BSUID), sent by newer Cloud API payloads instead of, or beside, wa_id. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  waUserId: string | null;

  /** Lower-cased. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** When the lead's personal data was erased (LGPD): its contact columns are null from then on. */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;
}
