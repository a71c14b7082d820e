import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { OrgReadCache } from '../../common/cache/org-read-cache';
import { Clock } from '../../common/clock/clock';
import type { BackoffPolicy } from '../../common/jobs/backoff';
import type { JobFailure } from '../../common/jobs/job-queue';
import { errorMessage, JobRunner } from '../../common/jobs/job-runner';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import { inLockOrder, partitionBySender } from './batch-order';
import { InstanceLookup } from './instance-lookup';
import { MAX_ATTEMPTS } from './webhook-event-store';
import { WebhookEventsRepository } from './webhook-events.repository';
import type { ClaimedEvent } from './webhook-events.sql';
import { isPermanentFailure, type ProcessingResult, WebhookProcessor } from './webhook-processor';

export { MAX_ATTEMPTS } from './webhook-event-store';
/** Events claimed and applied per transaction: enough to amortize the claim and the commit, small enough to retry. */
const BATCH = 25;
const POLL_MS = 1000;
/** 5 s, 10 s, 20 s… capped at one hour; a fifth taken off at random, so a burst of failures comes back spread. */
export const WEBHOOK_BACKOFF: BackoffPolicy = { baseSeconds: 5, capSeconds: 3600, jitter: 0.2 };

/**
 * Processes stored webhook events on the job runner: claims due ones in rounds (FOR UPDATE SKIP LOCKED under a
 * lease, so several replicas share the work), splits a round by sender into lanes, applies each lane's batch in one
 * transaction together with its statuses, and leaves failures to the runner's backoff.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookWorker');
  private readonly runner: JobRunner<ClaimedEvent>;

  constructor(
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly processor: WebhookProcessor,
    private readonly readCache: OrgReadCache,
    private readonly events: WebhookEventsRepository,
    private readonly clock: Clock,
  ) {
    const lanes = config.webhookWorkerConcurrency;
    this.runner = new JobRunner<ClaimedEvent>({
      name: 'webhook',
      queue: events,
      db,
      clock,
      claimLimit: BATCH * lanes,
      leaseSeconds: config.webhookLeaseSeconds,
      // Each lane gets whole senders, so lanes apply disjoint conversations in parallel and one sender's messages
      // always in the order they arrived.
      partition: (claimed) => sameJobs(claimed, partitionBySender(claimed, lanes)),
      concurrency: lanes,
      handle: (batch) => this.processBatch(batch),
      backoff: WEBHOOK_BACKOFF,
      maxAttempts: MAX_ATTEMPTS,
      pollMs: POLL_MS,
      logger: this.logger,
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.webhookWorkerEnabled) this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }

  /** Asks for a pass soon (after an intake); passes never overlap. */
  nudge(): void {
    if (this.config.webhookWorkerEnabled) this.runner.nudge();
  }

  /** Processes every due event, returning how many were handled. */
  async drain(): Promise<number> {
    return (await this.runner.drain()).claimed;
  }

  /** Reprocesses one event now, whatever its status (admin retry). */
  async retry(id: string): Promise<void> {
    const event = await this.events.reclaim(this.db, id, this.runner.lease());
    if (event) await this.runner.process([event]);
  }

  /**
   * Applies a claimed batch in one transaction with one status update, which saves most of the per-event round
   * trips. Should any event fail, the whole transaction rolls back and the batch is applied again one event per
   * transaction, so only the bad event fails (and is retried) while the others go through.
   */
  private async processBatch(events: ClaimedEvent[]): Promise<JobFailure<ClaimedEvent>[]> {
    if (events.length === 1) return this.processOne(events[0]);
    try {
      const outcomes = await this.db.transaction(async (tx) => {
        const instances = new InstanceLookup(tx);
        const applied = [];
        for (const event of inLockOrder(events)) {
          applied.push({ id: event.id, result: await this.processor.process(tx, event, instances) });
        }
        await this.events.markHandled(tx, applied, this.clock.now());
        return applied;
      });
      this.changed(outcomes.map((o) => o.result));
      return [];
    } catch (error) {
      this.logger.debug(`Webhook batch of ${events.length} failed (${errorMessage(error)}); applying one by one`);
      const failures: JobFailure<ClaimedEvent>[] = [];
      for (const event of events) failures.push(...(await this.processOne(event)));
      return failures;
    }
  }

  private async processOne(event: ClaimedEvent): Promise<JobFailure<ClaimedEvent>[]> {
    try {
      const result = await this.db.transaction(async (tx) => {
        const applied = await this.processor.process(tx, event, new InstanceLookup(tx));
        await this.events.markHandled(tx, [{ id: event.id, result: applied }], this.clock.now());
        return applied;
      });
      this.changed([result]);
      return [];
    } catch (error) {
      const message = errorMessage(error);
      this.logger.warn(`Webhook event ${event.id} failed: ${message}`);
      return [{ job: event, error: message, permanent: isPermanentFailure(error) }];
    }
  }

  /** Committed messages may have opened tickets or moved them: the organizations' cached reads are stale. */
  private changed(results: ProcessingResult[]): void {
    for (const organizationId of new Set(results.flatMap((r) => r.touched)))
      this.readCache.invalidateData(organizationId);
  }
}

/** partitionBySender answers the events it was given as StoredEvent: the same objects, claimed ones. */
function sameJobs(claimed: ClaimedEvent[], batches: { id: string }[][]): ClaimedEvent[][] {
  const byId = new Map(claimed.map((e) => [e.id, e]));
  return batches.map((batch) => batch.map((e) => byId.get(e.id)!));
}
