import type { EntityManager } from 'typeorm';
import { Db } from '../../database/db';

/**
 * TEMPORARY (issue #11): callers owned by other helpers (sales, WhatsApp ingestion) still hand an EntityManager to
 * the ticket and tracking functions they call. Remove, with every `DbOrManager`, once they pass a Db.
 */
export type DbOrManager = Db | EntityManager;

export function dbOf(db: DbOrManager): Db {
  return db instanceof Db ? db : new Db(db);
}
