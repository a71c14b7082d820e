import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, concatMap, from, type Observable, throwError } from 'rxjs';
import type { AuthContext } from '../auth/auth-context';
import { OrgReadCache } from './org-read-cache';

const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Any write request of an organization drops its cached reads, here and (through the event bus) on every other
 * instance, before the response is sent: a client that writes and then reads, through any instance, never sees an
 * older total, facet or report — also for writes no table trigger announces (stages, ad spend, settings...).
 */
@Injectable()
export class ReadCacheInvalidator implements NestInterceptor {
  constructor(private readonly cache: OrgReadCache) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { user?: AuthContext }>();
    if (READ_ONLY_METHODS.has(req.method)) return next.handle();
    const invalidate = async (): Promise<void> => {
      const organizationId = req.user?.organizationId;
      if (organizationId) await this.cache.invalidateEverywhere(organizationId);
    };
    return next.handle().pipe(
      concatMap(async (value: unknown) => {
        await invalidate();
        return value;
      }),
      catchError((error: unknown) => from(invalidate()).pipe(concatMap(() => throwError(() => error)))),
    );
  }
}
