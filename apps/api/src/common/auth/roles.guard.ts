import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeyScope, scopeAllows, type UserRole } from '@whatrack/shared';
import type { Request } from 'express';
import { ForbiddenError } from '../errors/domain-errors';
import { API_KEY_SCOPE } from './api-key-scope.decorator';
import type { AuthContext } from './auth-context';
import { ROLES } from './roles.decorator';

/** The scope a key needs where a route names none: reading, or working tickets; none where roles are required. */
export function defaultKeyScope(method: string, roles: readonly UserRole[] | undefined): ApiKeyScope | null {
  if (roles && roles.length > 0) return null;
  return method === 'GET' || method === 'HEAD' ? ApiKeyScope.READ : ApiKeyScope.TICKETS;
}

/** Authorization after authentication: users by role (@Roles), API keys by scope (@ApiKeyAccess or the default). */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    const req = context.switchToHttp().getRequest<Request & { user?: AuthContext }>();
    const auth = req.user;
    if (!auth) return true; // a public route: the authentication guard let it through
    if (auth.principal === 'api_key') {
      const required =
        this.reflector.getAllAndOverride<ApiKeyScope | undefined>(API_KEY_SCOPE, targets) ??
        defaultKeyScope(req.method, roles);
      if (!required) throw new ForbiddenError('API keys cannot do this: a signed-in owner or admin can');
      if (!scopeAllows(auth.scopes, required)) {
        throw new ForbiddenError(`This API key lacks the scope "${required}"`, undefined, 'insufficient_scope');
      }
      return true;
    }
    if (!roles || roles.length === 0 || roles.includes(auth.role)) return true;
    throw new ForbiddenError(`Only a user with role ${roles.join(' or ')} can do this`);
  }
}
