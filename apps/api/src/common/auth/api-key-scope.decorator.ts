import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { ApiKeyScope } from '@whatrack/shared';

export const API_KEY_SCOPE = 'whatrack:api-key-scope';
/** The scope an API key needs for the operation, in the OpenAPI document ("none": keys are refused). */
export const API_KEY_SCOPE_EXTENSION = 'x-api-key-scope';

/**
 * The scope an API key needs for this route. Without it: `read` for GET, `tickets` for other methods, and no
 * key at all on routes restricted to roles (@Roles) — those opt in with @ApiKeyAccess(ApiKeyScope.ADMIN).
 */
export const ApiKeyAccess = (scope: ApiKeyScope): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(API_KEY_SCOPE, scope), ApiExtension(API_KEY_SCOPE_EXTENSION, scope));
