import { Column, Entity, Unique } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';

/** An organization's snippet that agents insert in the reply box by typing `/shortcut`. */
@Entity('quick_replies')
@Unique('UQ_quick_replies_org_shortcut', ['organizationId', 'shortcut'])
export class QuickReply extends TenantEntity {
  /** Normalized (lower case, no leading slash, no accents), so the unique index is the case-insensitive one. */
  @Column({ type: 'varchar', length: 32 })
  shortcut: string;

  @Column({ type: 'varchar', length: 80 })
  title: string;

  /** May hold the variables of QUICK_REPLY_VARIABLES (@whatrack/shared), filled by the SPA on insertion. */
  @Column({ type: 'varchar', length: 4096 })
  text: string;
}
