import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { User } from '../../users/entities/user.entity';

/**
 * A one-time password-reset link an owner or admin generated for a member. Only the sha256 of the link's token is
 * stored, so a database read does not hand out working links.
 */
@Entity('password_reset_tokens')
@Index('IDX_password_reset_tokens_user', ['organizationId', 'userId'])
export class PasswordResetToken extends TenantEntity {
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('user_id'))
  user?: Relation<User>;

  /** sha256 of the token, hex. */
  @Index('UQ_password_reset_tokens_token_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Set when the link is used, or when a newer link or a password change supersedes it. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** Who generated the link (an audit trail: no foreign key, like api_keys.created_by_user_id). */
  @Column({ type: 'uuid' })
  createdByUserId: string;
}
