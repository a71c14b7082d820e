import { UserRole } from '@whatrack/shared';
import { Check, Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';

@Entity('users')
@Check('CHK_users_role', `role IN ('owner', 'admin', 'agent')`)
export class User extends TenantEntity {
  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** Stored lower-cased; unique across the whole product because it is the login. */
  @Index('UQ_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: UserRole;

  /** A deactivated user cannot sign in, and their tokens and the API keys they created are refused. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * Carried in every token the user is issued (`ver`); a password change or reset bumps it, so every token issued
   * before stops working at its next request.
   */
  @Column({ type: 'integer', default: 0 })
  sessionVersion: number;
}
