import { AsyncLocalStorage } from 'node:async_hooks';

/** What bounds the statements a request runs: read by GuardedClient for every statement started in its scope. */
export interface DbRequestContext {
  /** A statement running longer than this is cancelled on the server (its error: SQLSTATE 57014). */
  statementTimeoutMs: number;
  /** Aborted when the client goes away: the running statement is cancelled, later ones never start. */
  signal?: AbortSignal;
}

const storage = new AsyncLocalStorage<DbRequestContext>();

export function currentDbContext(): DbRequestContext | undefined {
  return storage.getStore();
}

export function runInDbContext<T>(context: DbRequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/**
 * Runs work that other requests may share (a cached load several requests await) under the same time budget but
 * without the caller's abort signal: one client leaving must not fail the others' answers.
 */
export function withoutAbort<T>(fn: () => T): T {
  const context = storage.getStore();
  return context?.signal ? storage.run({ statementTimeoutMs: context.statementTimeoutMs }, fn) : fn();
}

/** Runs background work a request only started (a worker pass it nudged) free of that request's budget. */
export function outsideRequest<T>(fn: () => T): T {
  return storage.exit(fn);
}

/** The error a statement fails with when its request's client left before it could start. */
export function abortedStatementError(): Error {
  return Object.assign(new Error('canceling statement: the client went away'), { code: '57014' });
}
