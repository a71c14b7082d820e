import type { Logger } from '@nestjs/common';
import { outsideRequest } from '../db/db-request-context';
import { errorMessage } from './job-runner';

/**
 * Runs `work` every `everyMs` outside any request (no request budget or abort applies), never two rounds at once,
 * logging a failed round and going on. stop() ends the timer and waits for the round in flight.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<unknown> | null = null;

  constructor(
    private readonly name: string,
    private readonly work: () => Promise<unknown>,
    private readonly logger: Pick<Logger, 'error'>,
  ) {}

  /** Starts the timer; 0 or less leaves the task off. */
  start(everyMs: number): void {
    if (everyMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.round ??= outsideRequest(this.work)
        .catch((error: unknown) => this.logger.error(`${this.name} failed: ${errorMessage(error)}`))
        .finally(() => (this.round = null));
    }, everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.round;
  }
}
