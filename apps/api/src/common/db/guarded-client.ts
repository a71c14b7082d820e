import { Client, type ClientConfig } from 'pg';
import { sendCancelRequest } from './cancel-request';
import { abortedStatementError, currentDbContext, type DbRequestContext } from './db-request-context';

/** SQLSTATE of a statement stopped by a cancel request or a statement timeout. */
const QUERY_CANCELED = '57014';

/** The pg client's backend identity (set once connected; not in its typings). */
interface BackendKey {
  processID: number | null;
  secretKey: number | null;
}

/**
 * node-postgres' client with every statement bounded by the request that runs it (DbRequestContext): past the
 * request's statement timeout, or as soon as its client goes away, the backend is sent a CancelRequest. The pool
 * builds these (pg.Pool's `Client` option), so every statement TypeORM or queryPrepared sends is covered.
 */
export class GuardedClient extends Client {
  /** False on the embedded database: its one in-process session cannot be interrupted. */
  private readonly cancellable: boolean;

  constructor(config: ClientConfig & { cancellable?: boolean }) {
    super(config);
    this.cancellable = config.cancellable ?? false;
  }

  // pg's query() is heavily overloaded; only the promise forms (TypeORM's and queryPrepared's) are guarded.
  override query(...args: unknown[]): never {
    const context = currentDbContext();
    const usesCallback = args.some((a) => typeof a === 'function');
    const custom = typeof (args[0] as { submit?: unknown } | null)?.submit === 'function';
    const run = (): Promise<unknown> => (super.query as (...a: unknown[]) => Promise<unknown>).apply(this, args);
    if (!context || usesCallback || custom) return run() as never;
    return this.guarded(context, run) as never;
  }

  private async guarded(context: DbRequestContext, run: () => Promise<unknown>): Promise<unknown> {
    if (context.signal?.aborted) throw abortedStatementError();
    if (!this.cancellable) return run();
    let cancelled = false;
    const cancel = () => {
      if (cancelled) return;
      cancelled = true;
      void this.cancelBackend();
    };
    const timer = setTimeout(cancel, context.statementTimeoutMs);
    context.signal?.addEventListener('abort', cancel);
    let consumed = false;
    try {
      return await run();
    } catch (error) {
      // The statement was interrupted, so the CancelRequest has been spent on it.
      consumed = (error as { code?: string }).code === QUERY_CANCELED;
      throw error;
    } finally {
      clearTimeout(timer);
      context.signal?.removeEventListener('abort', cancel);
      // A CancelRequest still on its way when its statement ended would hit whatever this connection runs next
      // (another request's statement): that connection is closed instead of going back to the pool.
      if (cancelled && !consumed) void this.end().catch(() => undefined);
    }
  }

  private async cancelBackend(): Promise<void> {
    const key = this as unknown as BackendKey;
    if (key.processID === null || key.secretKey === null) return;
    await sendCancelRequest({ host: this.host, port: this.port }, key.processID, key.secretKey);
  }
}
