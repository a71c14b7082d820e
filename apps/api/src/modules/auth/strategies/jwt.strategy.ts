import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AuthContext } from '../../../common/auth/auth-context';
import { JWT_STRATEGY } from '../../../common/auth/authentication.guard';
import { UnauthorizedError } from '../../../common/errors/domain-errors';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { UsersService } from '../../users/users.service';

export interface JwtPayload {
  sub: string;
  org: string;
  /** The user's session version when the token was issued (absent in tokens issued before it existed: 0). */
  ver?: number;
  /** Seconds since the epoch, set by the signer (passport-jwt refuses the token past it). */
  exp?: number;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, JWT_STRATEGY) {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject: with a plain string, jsonwebtoken first tries (and fails) to parse it as a public key on every
      // request (~1.6 ms of CPU). passport-jwt passes it through untouched; only its typings predate KeyObject.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /**
   * The user is read on every request so a removed or deactivated user, a changed role or a changed password
   * (which bumps the session version) takes effect at once.
   */
  async validate(payload: JwtPayload): Promise<AuthContext | false> {
    const user = await this.users.findInOrganization(payload.org, payload.sub);
    if (!user) return false;
    if (!user.active) {
      throw new UnauthorizedError('This user is deactivated: ask an owner or admin', undefined, 'user_deactivated');
    }
    if ((payload.ver ?? 0) !== user.sessionVersion) {
      throw new UnauthorizedError(
        'This session ended because the password was changed: sign in again',
        undefined,
        'session_revoked',
      );
    }
    return {
      organizationId: user.organizationId,
      principal: 'user',
      userId: user.id,
      apiKeyId: null,
      role: user.role,
      scopes: [],
      actorName: user.name,
      expiresAt: payload.exp === undefined ? null : new Date(payload.exp * 1000),
    };
  }
}
