import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '../../common/jobs/periodic-task';
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
  private readonly task = new PeriodicTask('embedded vacuum', () => this.vacuum(), this.logger);

  constructor(
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly maintenance: DatabaseMaintenanceRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.databaseUrl) this.task.start(this.config.embeddedVacuumIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  async vacuum(): Promise<void> {
    const started = Date.now();
    await this.maintenance.vacuumAnalyze(this.db);
    this.logger.debug(`embedded database vacuumed and analyzed in ${Date.now() - started} ms`);
  }
}
