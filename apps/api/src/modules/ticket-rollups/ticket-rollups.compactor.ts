import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { outsideRequest } from '../../common/db/db-request-context';
import { errorMessage } from '../../common/jobs/job-runner';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import { TicketRollupsRepository } from './ticket-rollups.repository';

/**
 * Folds the ticket rollups' deltas into their cells every rollupCompactIntervalMs, one organization per
 * transaction. Readers add the deltas not folded yet, so a late or skipped round costs a little more reading, never
 * a wrong total; replicas may all run it (an organization being folded elsewhere is skipped).
 */
@Injectable()
export class TicketRollupsCompactor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TicketRollupsCompactor');
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<unknown> | null = null;
  private stopping = false;

  constructor(
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rollups: TicketRollupsRepository,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.rollupCompactIntervalMs;
    if (every <= 0) return;
    this.timer = setInterval(() => {
      this.round ??= outsideRequest(() => this.compactAll())
        .catch((error: unknown) => this.logger.error(`rollup compaction failed: ${errorMessage(error)}`))
        .finally(() => (this.round = null));
    }, every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.round;
  }

  /** One round: every organization with deltas, one after another (each fold is one statement, one transaction). */
  async compactAll(): Promise<number> {
    let folded = 0;
    for (const organizationId of await this.rollups.organizationsWithDeltas(this.db)) {
      if (this.stopping) break;
      folded += await this.rollups.compact(this.db, organizationId);
    }
    return folded;
  }
}
