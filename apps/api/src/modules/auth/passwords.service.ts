import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { UserRole } from '@whatrack/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import {
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnprocessableError,
} from '../../common/errors/domain-errors';
import { Mailer } from '../../common/mail/mailer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import { PasswordHasher } from '../users/password-hasher';
import { UsersRepository } from '../users/users.repository';
import type { ChangePasswordDto, ConfirmPasswordResetDto } from './dto/password.dto';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';
import { passwordResetMail } from './password-reset-mail';
import { SessionTokens } from './session-tokens';

/** How long a reset link works. */
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

/** The SPA's public page that takes the link's token. */
export const PASSWORD_RESET_PATH = '/redefinir-senha';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function tokenRefused(code: 'reset_token_invalid' | 'reset_token_used' | 'reset_token_expired'): InvalidInputError {
  const messages = {
    reset_token_invalid: 'This password reset link is not valid: ask for a new one',
    reset_token_used: 'This password reset link was already used: ask for a new one',
    reset_token_expired: 'This password reset link expired: ask for a new one',
  };
  return new InvalidInputError(messages[code], [{ field: 'token', code, message: messages[code] }], code);
}

/** A user's own password change, and one-time reset links that owners and admins generate for members. */
@Injectable()
export class PasswordsService {
  constructor(
    private readonly db: Db,
    private readonly users: UsersRepository,
    private readonly resetTokens: PasswordResetTokensRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: SessionTokens,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks the current password, sets the new one and answers a fresh token: the user's other sessions end. */
  async change(auth: AuthContext, dto: ChangePasswordDto): Promise<{ accessToken: string }> {
    if (!auth.userId) throw new ForbiddenError('Only a signed-in user has a password', undefined, 'user_required');
    const key = { organizationId: auth.organizationId, id: auth.userId };
    const currentHash = await this.users.findPasswordHash(this.db, key);
    if (!currentHash) throw NotFoundError.of('User', auth.userId);
    if (!(await this.hasher.verify(currentHash, dto.currentPassword))) {
      throw InvalidInputError.field('currentPassword', 'The current password is not right', 'wrong_password');
    }
    const passwordHash = await this.hasher.hash(dto.newPassword);
    const user = await this.db.transaction(async (tx) => {
      const at = this.clock.now();
      const updated = await this.users.setPassword(tx, { ...key, passwordHash, at });
      await this.resetTokens.retireForUser(tx, { organizationId: auth.organizationId, userId: auth.userId!, at });
      return updated;
    });
    if (!user) throw NotFoundError.of('User', auth.userId);
    return { accessToken: this.tokens.sign(user) };
  }

  /**
   * A one-time link for a member of the caller's organization (only owners make one for an owner, who could
   * otherwise be taken over by an admin). Earlier unused links of the member stop working. E-mailed when SMTP is set.
   */
  async createResetLink(
    auth: AuthContext,
    userId: string,
  ): Promise<{ url: string; expiresAt: Date; emailed: boolean }> {
    const { organizationId } = auth;
    const target = await this.users.findById(this.db, { organizationId, id: userId });
    if (!target) throw NotFoundError.of('User', userId);
    if (target.role === UserRole.OWNER && auth.role !== UserRole.OWNER) {
      throw new ForbiddenError('Only an owner can reset an owner’s password', undefined, 'owner_required');
    }
    if (!target.active) {
      throw new UnprocessableError('Reactivate the user before resetting their password', undefined, 'user_inactive');
    }
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
    await this.db.transaction(async (tx) => {
      await this.resetTokens.retireForUser(tx, { organizationId, userId, at: now });
      await this.resetTokens.insert(tx, {
        organizationId,
        userId,
        tokenHash: hashToken(token),
        expiresAt,
        createdByUserId: auth.userId!,
      });
    });
    const url = `${this.config.publicUrl}${PASSWORD_RESET_PATH}?token=${token}`;
    const emailed = this.mailer.enabled && (await this.mailer.send(passwordResetMail(target, url, expiresAt)));
    return { url, expiresAt, emailed };
  }

  /** Sets the password of a link's user, once; every session the user had ends. */
  async confirmReset(dto: ConfirmPasswordResetDto): Promise<void> {
    const link = await this.resetTokens.findByHash(this.db, { tokenHash: hashToken(dto.token) });
    if (!link) throw tokenRefused('reset_token_invalid');
    if (link.usedAt) throw tokenRefused('reset_token_used');
    if (link.expiresAt.getTime() <= this.clock.now().getTime()) throw tokenRefused('reset_token_expired');
    const passwordHash = await this.hasher.hash(dto.password);
    await this.db.transaction(async (tx) => {
      const at = this.clock.now();
      const { organizationId, userId } = link;
      if (!(await this.resetTokens.consume(tx, { organizationId, id: link.id, at }))) {
        throw tokenRefused(link.expiresAt.getTime() <= at.getTime() ? 'reset_token_expired' : 'reset_token_used');
      }
      const user = await this.users.findById(tx, { organizationId, id: userId });
      if (!user?.active) throw tokenRefused('reset_token_invalid');
      await this.users.setPassword(tx, { organizationId, id: userId, passwordHash, at });
      await this.resetTokens.retireForUser(tx, { organizationId, userId, at });
    });
  }
}
