import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { UnauthorizedError } from '../errors/domain-errors';
import { IS_PUBLIC } from './public.decorator';

export const API_KEY_STRATEGY = 'api-key';
export const JWT_STRATEGY = 'jwt';

/** Default-deny: every route needs a JWT or an API key unless it is marked @Public(). */
@Injectable()
export class AuthenticationGuard extends AuthGuard([API_KEY_STRATEGY, JWT_STRATEGY]) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    return super.canActivate(context);
  }

  override handleRequest<T>(err: unknown, user: T | false): T {
    if (err instanceof Error) throw err;
    if (!user) {
      throw new UnauthorizedError(
        'Authentication required: send "Authorization: Bearer <token>" or "X-API-Key: <key>"',
      );
    }
    return user;
  }
}
