import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrgReadCache } from '../../common/cache/org-read-cache';
import { outsideRequest } from '../../common/db/db-request-context';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { inLockOrder, partitionBySender } from './batch-order';
import { InstanceLookup } from './instance-lookup';
import { claimDueEvents, markHandled, reclaimEvent, recordFailure, renewLeases } from './webhook-event-store';
import { isPermanentFailure, type ProcessingResult, type StoredEvent, WebhookProcessor } from './webhook-processor';

export { MAX_ATTEMPTS } from './webhook-event-store';
/** Events claimed and applied per transaction: enough to amortize the claim and the commit, small enough to retry. */
const BATCH = 25;
const POLL_MS = 1000;

/**
 * Processes stored webhook events: claims due ones in batches with FOR UPDATE SKIP LOCKED (so several replicas
 * share the work), applies each batch in one transaction together with its statuses, and schedules failures for a
 * retry.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookWorker');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly processor: WebhookProcessor,
    private readonly readCache: OrgReadCache,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.webhookWorkerEnabled) return;
    this.timer = setInterval(() => this.nudge(), POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Asks for a pass soon (after an intake); passes never overlap. */
  nudge(): void {
    if (!this.config.webhookWorkerEnabled || this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    // A pass is the worker's, not the request's that nudged it: no request budget or abort applies to it.
    this.running = outsideRequest(() => this.drain())
      .catch((error: unknown) => {
        this.logger.error(`Webhook pass failed: ${error instanceof Error ? error.message : String(error)}`);
        return 0;
      })
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /**
   * Processes every due event, returning how many were handled. Each round claims up to one batch per lane and
   * splits it by sender, so the lanes apply disjoint conversations in parallel and one sender's messages always in
   * the order they arrived.
   */
  async drain(): Promise<number> {
    const lanes = this.config.webhookWorkerConcurrency;
    let total = 0;
    const lease = this.config.webhookLeaseSeconds;
    while (!this.stopped) {
      const events = await claimDueEvents(this.dataSource, BATCH * lanes, lease);
      if (events.length === 0) break;
      const stopBeating = this.heartbeat(events.map((e) => e.id));
      try {
        await Promise.all(partitionBySender(events, lanes).map((batch) => this.processBatch(batch)));
      } finally {
        stopBeating();
      }
      total += events.length;
    }
    return total;
  }

  /**
   * Renews the claim on events while they are worked on, so a slow round is not mistaken for a dead worker; a
   * worker that did die stops renewing, and its events are claimed again within one lease.
   */
  private heartbeat(ids: string[]): () => void {
    const lease = this.config.webhookLeaseSeconds;
    const timer = setInterval(
      () => {
        renewLeases(this.dataSource, ids, lease).catch((error: unknown) => {
          this.logger.warn(`Could not renew webhook event leases: ${errorMessage(error)}`);
        });
      },
      (lease * 1000) / 3,
    );
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Reprocesses one event now, whatever its status (admin retry). */
  async retry(id: string): Promise<void> {
    const event = await reclaimEvent(this.dataSource, id, this.config.webhookLeaseSeconds);
    if (event) await this.processOne(event);
  }

  /**
   * Applies a claimed batch in one transaction with one status update, which saves most of the per-event round
   * trips. Should any event fail, the whole transaction rolls back and the batch is applied again one event per
   * transaction, so only the bad event fails (and is retried) while the others go through.
   */
  private async processBatch(events: StoredEvent[]): Promise<void> {
    if (events.length === 1) return this.processOne(events[0]);
    try {
      const outcomes = await this.dataSource.transaction(async (m) => {
        const instances = new InstanceLookup(m);
        const applied = [];
        for (const event of inLockOrder(events)) {
          applied.push({ id: event.id, result: await this.processor.process(m, event, instances) });
        }
        await markHandled(m, applied);
        return applied;
      });
      this.changed(outcomes.map((o) => o.result));
    } catch (error) {
      this.logger.debug(`Webhook batch of ${events.length} failed (${errorMessage(error)}); applying one by one`);
      for (const event of events) await this.processOne(event);
    }
  }

  private async processOne(event: StoredEvent): Promise<void> {
    try {
      const result = await this.dataSource.transaction(async (m) => {
        const applied = await this.processor.process(m, event, new InstanceLookup(m));
        await markHandled(m, [{ id: event.id, result: applied }]);
        return applied;
      });
      this.changed([result]);
    } catch (error) {
      const message = errorMessage(error);
      this.logger.warn(`Webhook event ${event.id} failed: ${message}`);
      await recordFailure(this.dataSource, event.id, message, isPermanentFailure(error));
    }
  }

  /** Committed messages may have opened tickets or moved them: the organizations' cached reads are stale. */
  private changed(results: ProcessingResult[]): void {
    for (const organizationId of new Set(results.flatMap((r) => r.touched))) this.readCache.invalidate(organizationId);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
