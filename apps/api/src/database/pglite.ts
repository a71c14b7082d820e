import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { lockDataDir } from './data-dir-lock';

const extensions = { pg_trgm, unaccent };

/**
 * PGlite that gives its data directory's lock back once closed. PGlite loads the whole directory into memory
 * and writes its changes back, so two processes on one directory silently lose each other's writes.
 */
class LockedPGlite extends PGlite {
  constructor(
    dataDir: string,
    private unlock: (() => Promise<void>) | null,
  ) {
    super(dataDir, { extensions });
  }

  override async close(): Promise<void> {
    try {
      await super.close();
    } finally {
      await this.releaseLock();
    }
  }

  async releaseLock(): Promise<void> {
    const unlock = this.unlock;
    this.unlock = null;
    await unlock?.();
  }
}

/**
 * Opens (creating when missing) the embedded PostgreSQL used when DATABASE_URL is unset. A data directory is
 * locked for as long as it is open (DatabaseLockedError when another process has it); `memory://` is private
 * to its instance and needs no lock.
 */
export async function openPglite(dataDir: string): Promise<PGlite> {
  if (dataDir.startsWith('memory://')) {
    const db = new PGlite(dataDir, { extensions });
    await db.waitReady;
    return db;
  }
  mkdirSync(dataDir, { recursive: true });
  const db = new LockedPGlite(dataDir, await lockDataDir(dataDir));
  try {
    await db.waitReady;
  } catch (error) {
    await db.releaseLock();
    throw error;
  }
  return db;
}
