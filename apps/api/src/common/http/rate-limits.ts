import type { INestApplication } from '@nestjs/common';
import type { Request, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AppConfig } from '../../config/app-config';
import type { ErrorResponseDto } from '../errors/error-response.dto';

const MINUTE = 60_000;
function tooMany(_req: Request, res: Response): void {
  const body: ErrorResponseDto = {
    statusCode: 429,
    error: 'Too Many Requests',
    message: 'Too many requests: wait a minute and try again',
  };
  res.status(429).json(body);
}

/**
 * Rate limits (express-rate-limit): one budget per client for the whole API and a tight one for sign-in and
 * sign-up. @nestjs/throttler is not used because it is CommonJS requiring the ESM-only @nestjs/common 12,
 * which Jest's ESM runtime cannot load on Node 20.
 */
export function applyRateLimits(app: INestApplication, config: AppConfig, prefix: string): void {
  const common = { windowMs: MINUTE, standardHeaders: 'draft-8' as const, legacyHeaders: false, handler: tooMany };
  app.use(
    [`/${prefix}/auth/login`, `/${prefix}/auth/register`],
    rateLimit({ ...common, limit: config.authRateLimitPerMinute }),
  );
  app.use(
    `/${prefix}`,
    rateLimit({ ...common, limit: config.rateLimitPerMinute, skip: (req) => req.path === '/health' }),
  );
}
