import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '../../common/jobs/periodic-task';
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
  private readonly task = new PeriodicTask(
    'rollup compaction',
    () => this.compactAll(),
    new Logger('TicketRollupsCompactor'),
  );
  private stopping = false;

  constructor(
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rollups: TicketRollupsRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.rollupCompactIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.task.stop();
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
