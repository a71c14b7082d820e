import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { UserRole } from '@whatrack/shared';

export const ROLES = 'roles';
/** The roles a user needs for the operation, in the OpenAPI document. */
export const ROLES_EXTENSION = 'x-roles';

/**
 * Restricts a route to users with one of these roles. API keys are refused unless the route also names the scope
 * they need with @ApiKeyAccess.
 */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES, roles), ApiExtension(ROLES_EXTENSION, roles));
