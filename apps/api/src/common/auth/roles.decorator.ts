import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { UserRole } from '@whatrack/shared';
import { ErrorResponseDto } from '../errors/error-response.dto';

export const ROLES = 'roles';

/** Restricts a route to signed-in users with one of these roles (API keys are refused). */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    ApiForbiddenResponse({ description: `Requires a user with role ${roles.join(' or ')}`, type: ErrorResponseDto }),
  );
