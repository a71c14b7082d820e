import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UserRole } from '@whatrack/shared';
import type { Request } from 'express';
import { ForbiddenError } from '../errors/domain-errors';
import type { AuthContext } from './auth-context';
import { ROLES } from './roles.decorator';

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles || roles.length === 0) return true;
    const auth = context.switchToHttp().getRequest<Request & { user?: AuthContext }>().user;
    if (auth?.principal === 'user' && roles.includes(auth.role)) return true;
    throw new ForbiddenError(`Only a user with role ${roles.join(' or ')} can do this`);
  }
}
