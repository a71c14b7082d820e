import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

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

const POLICY: LoginPolicy = { failuresBeforeLock: 5, baseLockSeconds: 60, maxLockSeconds: 3600, windowSeconds: 900 };

/** The only SQL of login_attempts (a global table: keyed by the hashed address, before any organization is known). */
@Injectable()
export class LoginAttemptsRepository {
  /**
   * Counts an attempt before its password is checked, in one statement, so parallel guesses cannot all slip
   * through before the lock is written. Answers when the address is locked (the attempt then does not count).
   */
  @GenerateSql({ params: ['email-key', DummyValue.DATE, POLICY] })
  async admit(db: Db, key: string, now: Date, policy: LoginPolicy): Promise<{ lockedUntil: Date | null }> {
    const at = sql<Date>`${now}::timestamptz`;
    const windowStart = sql<Date>`${at} - make_interval(secs => ${policy.windowSeconds})`;
    const row = await db.one(
      qb
        .with('locked', (q) =>
          q
            .selectFrom('login_attempts')
            .select('locked_until')
            .where('email_key', '=', key)
            .where('locked_until', '>', at),
        )
        .with('counted', (q) =>
          q
            .insertInto('login_attempts')
            .columns(['email_key', 'failures', 'last_attempt_at', 'locked_until'])
            .expression(
              q
                .selectNoFrom((eb) => [
                  eb.val(key).as('email_key'),
                  eb.lit(1).as('failures'),
                  at.as('last_attempt_at'),
                  sql<Date | null>`NULL::timestamptz`.as('locked_until'),
                ])
                .where((eb) => eb.not(eb.exists(eb.selectFrom('locked').select('locked_until')))),
            )
            .onConflict((oc) =>
              oc
                .column('email_key')
                .doUpdateSet((eb) => {
                  const inWindow = eb('login_attempts.last_attempt_at', '>=', windowStart);
                  const failures = eb('login_attempts.failures', '+', 1);
                  const lockSeconds = sql<number>`LEAST(${policy.baseLockSeconds} * power(2, ${failures} - ${policy.failuresBeforeLock}), ${policy.maxLockSeconds})`;
                  return {
                    failures: eb.case().when(inWindow).then(failures).else(1).end(),
                    last_attempt_at: eb.ref('excluded.last_attempt_at'),
                    locked_until: eb
                      .case()
                      .when(eb.and([inWindow, eb(failures, '>=', policy.failuresBeforeLock)]))
                      .then(sql<Date>`${at} + make_interval(secs => ${lockSeconds})`)
                      .else(null)
                      .end(),
                  };
                })
                .where((eb) =>
                  eb.or([eb('login_attempts.locked_until', 'is', null), eb('login_attempts.locked_until', '<=', at)]),
                ),
            )
            .returning('email_key'),
        )
        .selectNoFrom((eb) => [
          eb.exists(eb.selectFrom('counted').select('email_key')).as('admitted'),
          eb.selectFrom('locked').select('locked_until').as('locked_until'),
        ]),
      { prepare: 'login_attempts.admit' },
    );
    return { lockedUntil: row.admitted ? null : (row.locked_until ?? now) };
  }

  /** A successful sign-in forgets the address's failures. */
  @GenerateSql({ params: ['email-key'] })
  async clear(db: Db, key: string): Promise<void> {
    await db.run(qb.deleteFrom('login_attempts').where('email_key', '=', key), { prepare: 'login_attempts.clear' });
  }
}
