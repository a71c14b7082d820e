import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ClaimedJob } from './job-queue';
import type { JobRunner } from './job-runner';

/**
 * A JobRunner tied to the application's lifecycle: polling from bootstrap when its setting enables it (a process
 * can run the API without the worker), stopped at shutdown after its current round.
 */
export abstract class JobWorker<T extends ClaimedJob> implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly runner: JobRunner<T>;

  /** Whether this process runs the worker (its *_WORKER_ENABLED setting). */
  protected abstract enabled(): boolean;

  onApplicationBootstrap(): void {
    if (this.enabled()) this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }

  /** Asks for a pass now (a job was just queued) instead of waiting for the poll. */
  nudge(): void {
    if (this.enabled()) this.runner.nudge();
  }
}
