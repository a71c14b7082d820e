import { readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import { Logger } from '@nestjs/common';
import { lock } from 'proper-lockfile';

/**
 * How long a lock survives its holder. The holder refreshes the lock's mtime every LOCK_UPDATE_MS; one that
 * died (kill -9, power loss) stops refreshing, and the lock may be taken over once it is this old. PGlite blocks
 * the event loop for seconds at a time (a fresh initdb took 2 s here), so the gap between refreshes leaves room.
 */
export const LOCK_STALE_MS = 10_000;
const LOCK_UPDATE_MS = 2_000;
const RETRY_MS = 250;

/** Who holds a lock, written beside it so the process that finds it locked can say who to stop. */
interface LockOwner {
  pid: number;
  hostname: string;
  command: string;
  startedAt: string;
}

/** Another process uses the directory: an expected condition, reported without a stack trace. */
export class DatabaseLockedError extends Error {
  static {
    // On the prototype, so loggers that print an error's own properties print none.
    this.prototype.name = 'DatabaseLockedError';
  }

  constructor(dataDir: string, owner: LockOwner | null) {
    const who = owner
      ? `pid ${owner.pid}${owner.hostname === hostname() ? '' : ` on ${owner.hostname}`}, ${owner.command}, ` +
        `started ${owner.startedAt}`
      : 'pid unknown';
    super(
      `another WhaTrack process (${who}) is using the embedded database in ${dataDir}; ` +
        'stop it, or set DATABASE_URL / PGLITE_DATA_DIR to use another database',
    );
    // Loggers (Nest's included) print `stack`; the message alone says what happened and what to do.
    this.stack = this.message;
  }
}

/** Directories this process holds, to tell "this process has it open" from "a dead process had my pid". */
const held = new Set<string>();

const ownerFile = (dir: string): string => `${dir}.lock-owner.json`;

function readOwner(dir: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(ownerFile(dir), 'utf8')) as LockOwner;
  } catch {
    return null; // not written yet, or being removed: the caller waits and looks again
  }
}

function isRunning(owner: LockOwner, dir: string): boolean {
  if (owner.hostname !== hostname()) return true; // a process on another machine cannot be checked from here
  if (owner.pid === process.pid) return held.has(dir); // else a previous process had our pid (containers)
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

/** Losing the lock means another process may write too: stop before two writers corrupt the directory. */
function onCompromised(dir: string) {
  return (error: Error): void => {
    new Logger('Database').error(`lost the lock on the embedded database in ${dir} (${error.message}); exiting`);
    process.exit(1);
  };
}

/**
 * Takes the exclusive lock on an existing PGlite data directory (`<dir>.lock`, beside it), or throws
 * DatabaseLockedError. A lock left by a process that is no longer running is waited for until it is stale, at
 * most LOCK_STALE_MS; a live holder fails at once. Resolves to the function that releases it.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const dir = realpathSync(dataDir);
  const deadline = Date.now() + LOCK_STALE_MS + 4 * RETRY_MS;
  let waiting = false;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lock(dir, {
        stale: LOCK_STALE_MS,
        update: LOCK_UPDATE_MS,
        realpath: false,
        onCompromised: onCompromised(dir),
      });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      const owner = readOwner(dir);
      if ((owner && isRunning(owner, dir)) || Date.now() >= deadline) throw new DatabaseLockedError(dir, owner);
      if (owner && !waiting) {
        new Logger('Database').warn(
          `the embedded database in ${dir} is locked by pid ${owner.pid}, which is no longer running; ` +
            `waiting up to ${LOCK_STALE_MS / 1000} s for that lock to expire`,
        );
        waiting = true;
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
  const owner: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    command: basename(process.argv[1] ?? process.argv0),
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
  };
  try {
    writeFileSync(ownerFile(dir), JSON.stringify(owner));
  } catch (error) {
    await release();
    throw error;
  }
  held.add(dir);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    held.delete(dir);
    rmSync(ownerFile(dir), { force: true });
    await release();
  };
}
