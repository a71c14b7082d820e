import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Recent sign-in attempts of one e-mail address, known or not (so a lock says nothing about whether an account
 * exists). Shared by every API replica through the database. Not a tenant table: it is keyed by the address.
 */
@Entity('login_attempts')
export class LoginAttempt {
  /** sha256 of the normalized e-mail, hex: the addresses strangers try are not stored. */
  @PrimaryColumn({ type: 'char', length: 64 })
  emailKey: string;

  /** Attempts counted since the last success (or since they went stale). */
  @Column({ type: 'int' })
  failures: number;

  @Column({ type: 'timestamptz' })
  lastAttemptAt: Date;

  /** Attempts are refused until then. */
  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
