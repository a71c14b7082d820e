import type { NextFunction, Request, Response } from 'express';
import { type DbRequestContext, runInDbContext } from './db-request-context';

/**
 * Express middleware: every request runs its statements in a DbRequestContext (the default budget until its route
 * sets its own, see StatementBudgetInterceptor). For reads, the context's signal aborts when the client leaves
 * before the answer is sent, which cancels the statement it is waiting for. Writes are left to finish: their
 * transaction commits or rolls back whole either way.
 */
export function dbRequestScope(defaultTimeoutMs: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const context: DbRequestContext = { statementTimeoutMs: defaultTimeoutMs };
    if (req.method === 'GET' || req.method === 'HEAD') {
      const controller = new AbortController();
      context.signal = controller.signal;
      res.once('close', () => {
        if (!res.writableFinished) controller.abort();
      });
    }
    runInDbContext(context, next);
  };
}
