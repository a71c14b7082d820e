import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

export interface PasswordResetTokenRow {
  id: string;
  organizationId: string;
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface NewPasswordResetToken {
  organizationId: string;
  userId: string;
  tokenHash: string;
  expiresAt: Date;
  createdByUserId: string;
}

const COLUMNS = [
  'password_reset_tokens.id',
  'password_reset_tokens.organization_id as organizationId',
  'password_reset_tokens.user_id as userId',
  'password_reset_tokens.expires_at as expiresAt',
  'password_reset_tokens.used_at as usedAt',
] as const;

/** The only SQL of password_reset_tokens. */
@Injectable()
export class PasswordResetTokensRepository {
  @GenerateSql({
    params: [
      {
        organizationId: DummyValue.UUID,
        userId: DummyValue.UUID2,
        tokenHash: 'f'.repeat(64),
        expiresAt: DummyValue.DATE,
        createdByUserId: DummyValue.UUID,
      },
    ],
  })
  insert(db: Db, token: NewPasswordResetToken): Promise<PasswordResetTokenRow> {
    return db.one(
      qb
        .insertInto('password_reset_tokens')
        .values({
          organization_id: token.organizationId,
          user_id: token.userId,
          token_hash: token.tokenHash,
          expires_at: token.expiresAt,
          used_at: null,
          created_by_user_id: token.createdByUserId,
        })
        .returning(COLUMNS),
    );
  }

  /** The link of a presented token's hash, used or not (so the answer can say which). */
  @GenerateSql({
    params: [{ tokenHash: 'f'.repeat(64) }],
    crossTenant: 'the confirm route is public: the hash is unique product-wide',
  })
  findByHash(db: Db, { tokenHash }: { tokenHash: string }): Promise<PasswordResetTokenRow | undefined> {
    return db.first(
      qb.selectFrom('password_reset_tokens').select(COLUMNS).where('password_reset_tokens.token_hash', '=', tokenHash),
    );
  }

  /** Marks the link used if nobody did first: exactly one of two concurrent confirmations gets true. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, id: DummyValue.UUID2, at: DummyValue.DATE }] })
  async consume(
    db: Db,
    { organizationId, id, at }: { organizationId: string; id: string; at: Date },
  ): Promise<boolean> {
    const updated = await db.run(
      qb
        .updateTable('password_reset_tokens')
        .set({ used_at: at, updated_at: at })
        .where('password_reset_tokens.organization_id', '=', organizationId)
        .where('password_reset_tokens.id', '=', id)
        .where('password_reset_tokens.used_at', 'is', null)
        .where('password_reset_tokens.expires_at', '>', at),
    );
    return updated > 0;
  }

  /** Retires the user's unused links: a newer link or a new password makes them worthless. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, userId: DummyValue.UUID2, at: DummyValue.DATE }] })
  async retireForUser(
    db: Db,
    { organizationId, userId, at }: { organizationId: string; userId: string; at: Date },
  ): Promise<void> {
    await db.run(
      qb
        .updateTable('password_reset_tokens')
        .set({ used_at: at, updated_at: at })
        .where('password_reset_tokens.organization_id', '=', organizationId)
        .where('password_reset_tokens.user_id', '=', userId)
        .where('password_reset_tokens.used_at', 'is', null),
    );
  }
}
