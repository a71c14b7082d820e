import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPrepared } from '../../common/sql/prepared-query';

export interface LoginPolicy {
  /** Attempts allowed before the address is locked. */
  failuresBeforeLock: number;
  /** The first lock; each further failure doubles it, up to maxLockSeconds. */
  baseLockSeconds: number;
  maxLockSeconds: number;
  /** Failures older than this no longer count. */
  windowSeconds: number;
}

export function loginKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/** The only SQL of login_attempts. */
@Injectable()
export class LoginAttemptsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts an attempt before its password is checked, in one statement, so parallel guesses cannot all slip
   * through before the lock is written. Answers when the address is locked (the attempt then does not count).
   */
  async admit(key: string, now: Date, policy: LoginPolicy): Promise<{ lockedUntil: Date | null }> {
    const [row] = await queryPrepared<{ admitted: boolean; locked_until: Date | null }>(
      this.dataSource.manager,
      `WITH locked AS (
         SELECT locked_until FROM login_attempts WHERE email_key = $1 AND locked_until > $2::timestamptz
       ),
       counted AS (
         INSERT INTO login_attempts (email_key, failures, last_attempt_at, locked_until)
         SELECT $1, 1, $2::timestamptz, NULL WHERE NOT EXISTS (SELECT 1 FROM locked)
         ON CONFLICT (email_key) DO UPDATE SET
           failures = CASE WHEN login_attempts.last_attempt_at < $2::timestamptz - make_interval(secs => $6)
                           THEN 1 ELSE login_attempts.failures + 1 END,
           last_attempt_at = EXCLUDED.last_attempt_at,
           locked_until = CASE
             WHEN login_attempts.last_attempt_at >= $2::timestamptz - make_interval(secs => $6)
              AND login_attempts.failures + 1 >= $3
             THEN $2::timestamptz + make_interval(secs => LEAST($4 * power(2, login_attempts.failures + 1 - $3), $5))
             ELSE NULL END
         WHERE login_attempts.locked_until IS NULL OR login_attempts.locked_until <= $2::timestamptz
         RETURNING 1)
       SELECT EXISTS (SELECT 1 FROM counted) AS admitted, (SELECT locked_until FROM locked) AS locked_until`,
      [key, now, policy.failuresBeforeLock, policy.baseLockSeconds, policy.maxLockSeconds, policy.windowSeconds],
    );
    return { lockedUntil: row.admitted ? null : (row.locked_until ?? now) };
  }

  /** A successful sign-in forgets the address's failures. */
  async clear(key: string): Promise<void> {
    await queryPrepared(this.dataSource.manager, 'DELETE FROM login_attempts WHERE email_key = $1', [key]);
  }
}
