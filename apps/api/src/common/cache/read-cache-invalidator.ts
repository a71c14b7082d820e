import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { type Observable, tap } from 'rxjs';
import type { AuthContext } from '../auth/auth-context';
import { OrgReadCache } from './org-read-cache';

const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Any write request of an organization drops its cached reads, before the response is sent: a client that
 * writes and then reads (through this instance) never sees an older total, facet or report.
 */
@Injectable()
export class ReadCacheInvalidator implements NestInterceptor {
  constructor(private readonly cache: OrgReadCache) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { user?: AuthContext }>();
    if (READ_ONLY_METHODS.has(req.method)) return next.handle();
    const invalidate = (): void => {
      const organizationId = req.user?.organizationId;
      if (organizationId) this.cache.invalidate(organizationId);
    };
    return next.handle().pipe(tap({ next: invalidate, error: invalidate }));
  }
}
