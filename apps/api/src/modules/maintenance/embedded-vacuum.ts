import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { outsideRequest } from '../../common/db/db-request-context';
import { errorMessage } from '../../common/jobs/job-runner';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import { DatabaseMaintenanceRepository } from './database-maintenance.repository';

/**
 * Vacuums and analyzes the embedded database every embeddedVacuumIntervalMs. PGlite runs no autovacuum, so
 * without it every compaction's deleted deltas and every message's ticket update leave dead rows for good, and
 * the planner keeps the statistics of the day the tables were created (plans for empty tables). On PostgreSQL
 * autovacuum does this and the service stays idle.
 */
@Injectable()
export class EmbeddedVacuum implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EmbeddedVacuum');
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<unknown> | null = null;

  constructor(
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly maintenance: DatabaseMaintenanceRepository,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.embeddedVacuumIntervalMs;
    if (this.config.databaseUrl || every <= 0) return;
    this.timer = setInterval(() => {
      this.round ??= outsideRequest(() => this.vacuum())
        .catch((error: unknown) => this.logger.error(`embedded vacuum failed: ${errorMessage(error)}`))
        .finally(() => (this.round = null));
    }, every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.round;
  }

  async vacuum(): Promise<void> {
    const started = Date.now();
    await this.maintenance.vacuumAnalyze(this.db);
    this.logger.debug(`embedded database vacuumed and analyzed in ${Date.now() - started} ms`);
  }
}
