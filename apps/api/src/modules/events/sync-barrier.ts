/**
 * "Has this instance heard every notification committed before now?": a token NOTIFYed on the instance's own
 * channel comes back after everything committed before it (one notification queue, delivered in commit order).
 * Callers that arrive while a round is out wait for the next round (the one out may have been committed before
 * their request came in); everyone waiting for a round shares it.
 */
export class SyncBarrier {
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  private readonly waiting = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  private counter = 0;

  constructor(
    private readonly timeoutMs: number,
    private readonly send: (token: string) => Promise<void>,
  ) {}

  sync(): Promise<void> {
    if (!this.running) {
      const round = this.round().finally(() => {
        if (this.running === round) this.running = null;
      });
      this.running = round;
      return round;
    }
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        return this.sync();
      });
    return this.next;
  }

  /** A token came back on the listener. */
  heard(token: string): void {
    this.waiting.get(token)?.resolve();
  }

  failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
  }

  private round(): Promise<void> {
    const token = String(++this.counter);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error('sync timed out')), this.timeoutMs);
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.waiting.delete(token);
        if (error) reject(error);
        else resolve();
      };
      this.waiting.set(token, { resolve: () => done(), reject: done });
      this.send(token).catch((error: Error) => done(error));
    });
  }
}
