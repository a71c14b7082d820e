import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { from, type Observable, switchMap } from 'rxjs';
import { APP_CONFIG, type AppConfig, type StatementBudgetKind } from '../../config/app-config';
import { UnavailableError } from '../errors/domain-errors';
import { currentDbContext } from './db-request-context';
import { PermitRefusedError, Semaphore } from './semaphore';
import { STATEMENT_BUDGET } from './statement-budget';

/**
 * Applies a route's StatementBudget to the request's DbRequestContext, and admits expensive reads through one
 * semaphore sized below the pool: however many searches or reports arrive at once, the other routes keep
 * connections to work with. A permit is held until the answer is sent or the client leaves (an export streams
 * long after the handler returned).
 */
@Injectable()
export class StatementBudgetInterceptor implements NestInterceptor {
  private readonly heavyReads: Semaphore;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.heavyReads = new Semaphore(config.heavyReadConcurrency);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const kind = this.reflector.get<StatementBudgetKind | undefined>(STATEMENT_BUDGET, context.getHandler());
    const db = currentDbContext();
    if (!kind || !db) return next.handle();
    db.statementTimeoutMs = this.config.statementTimeouts[kind];
    const res = context.switchToHttp().getResponse<Response>();
    return from(this.admit(res, db.signal)).pipe(switchMap(() => next.handle()));
  }

  private async admit(res: Response, signal: AbortSignal | undefined): Promise<void> {
    try {
      const release = await this.heavyReads.acquire(this.config.heavyReadWaitMs, signal);
      res.once('close', release);
      if (res.closed) release();
    } catch (error) {
      if (error instanceof PermitRefusedError) {
        throw new UnavailableError(
          'The server is busy with other searches and reports: try again shortly',
          'server_busy',
        );
      }
      throw error;
    }
  }
}
