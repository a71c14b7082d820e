import { applyDecorators, type DynamicModule, type ExecutionContext, type Provider, SetMetadata } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '../../config/app-config';

const MINUTE = 60_000;
const SIGN_IN_LIMITED = 'whatrack:sign-in-rate-limited';

/** Marks the operation in the OpenAPI document, so it does not list a 429 answer. */
export const NO_RATE_LIMIT_EXTENSION = 'x-no-rate-limit';

/** Opts routes out of the per-client budgets (health checks, provider webhooks that arrive in bursts). */
export const NoRateLimit = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SkipThrottle(), ApiExtension(NO_RATE_LIMIT_EXTENSION, true));

/** Marks sign-in and sign-up routes: they share a tight per-client budget on top of the API-wide one. */
export const SignInRateLimit = (): MethodDecorator => SetMetadata(SIGN_IN_LIMITED, true);

function isSignInRoute(context: ExecutionContext): boolean {
  return Reflect.getMetadata(SIGN_IN_LIMITED, context.getHandler()) === true;
}

/**
 * Per-client budgets (@nestjs/throttler, in memory): one for the whole API and a tight one for sign-in and
 * sign-up. The key leaves the route out, so a budget is shared by every route it covers. Health checks and
 * provider webhooks opt out with @NoRateLimit(): Meta and Evolution deliver bursts from few addresses.
 */
export function rateLimitModules(config: AppConfig): DynamicModule[] {
  if (!config.rateLimitsEnabled) return [];
  return [
    ThrottlerModule.forRoot({
      throttlers: [
        { name: 'default', ttl: MINUTE, limit: config.rateLimitPerMinute },
        { name: 'sign-in', ttl: MINUTE, limit: config.authRateLimitPerMinute, skipIf: (c) => !isSignInRoute(c) },
      ],
      errorMessage: 'Too many requests: wait a minute and try again',
      generateKey: (_context, tracker, throttlerName) => `${throttlerName}:${tracker}`,
    }),
  ];
}

export function rateLimitGuards(config: AppConfig): Provider[] {
  return config.rateLimitsEnabled ? [{ provide: APP_GUARD, useClass: ThrottlerGuard }] : [];
}
