import { DomainError } from '../../common/errors/domain-errors';
import { type Db, sqlStateOf } from '../../database/db';
import type { WebhookRejection } from './entities/webhook-event.entity';

/** Whether `error` can only happen again on a retry; the processor decides (see isPermanentFailure). */
export type PermanentCheck = (error: unknown) => boolean;

/**
 * Applies one part of an event (a message, a status batch) inside its own SAVEPOINT of the caller's transaction.
 * A permanent failure rolls back that part alone and is answered as a rejection, so the rest of the delivery is
 * kept; a transient one (lock timeout, lost connection) is thrown, and the whole event is retried as before.
 */
export async function isolated(
  db: Db,
  providerMessageId: string | null,
  permanent: PermanentCheck,
  work: (tx: Db) => Promise<unknown>,
  now: () => Date = () => new Date(),
): Promise<WebhookRejection | null> {
  try {
    // Db.transaction inside a transaction is a SAVEPOINT (TypeORM's nested transactions, PGlite's adapter too).
    await db.transaction(work);
    return null;
  } catch (error) {
    if (!permanent(error)) throw error;
    return { providerMessageId, ...rejectionReason(error), at: now().toISOString() };
  }
}

/** The machine-readable code (the domain error's field code, or the SQLSTATE) and the message of a failure. */
export function rejectionReason(error: unknown): { code: string; reason: string } {
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof DomainError) return { code: error.details?.[0]?.code ?? error.kind, reason };
  const state = sqlStateOf(error);
  return { code: state ? `sqlstate_${state}` : 'permanent_failure', reason };
}
