/** Why a wait for a permit ended without one. */
export type PermitRefusal = 'timeout' | 'aborted';

export class PermitRefusedError extends Error {
  constructor(readonly reason: PermitRefusal) {
    super(reason === 'timeout' ? 'Timed out waiting for a permit' : 'Aborted while waiting for a permit');
  }
}

interface Waiter {
  grant: () => void;
  refuse: (reason: PermitRefusal) => void;
}

/**
 * At most `permits` holders at a time, first come first served. A waiter gives up after `waitMs` or when its
 * signal aborts, so a queue of abandoned requests never builds up behind the holders.
 */
export class Semaphore {
  private available: number;
  private readonly waiters: Waiter[] = [];

  constructor(readonly permits: number) {
    this.available = permits;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /** Resolves with a release function (idempotent) once a permit is held. */
  acquire(waitMs: number, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(new PermitRefusedError('aborted'));
    if (this.available > 0) {
      this.available--;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          cleanup();
          resolve(this.releaser());
        },
        refuse: (reason) => {
          cleanup();
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(new PermitRefusedError(reason));
        },
      };
      const timer = setTimeout(() => waiter.refuse('timeout'), waitMs);
      const onAbort = () => waiter.refuse('aborted');
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      signal?.addEventListener('abort', onAbort);
      this.waiters.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next.grant();
      else this.available++;
    };
  }
}
