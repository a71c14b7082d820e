import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import type { DrainStats, JobFailure } from '../../common/jobs/job-queue';
import { JobRunner } from '../../common/jobs/job-runner';
import { JobWorker } from '../../common/jobs/job-worker';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import { WhatsappMessagesRepository } from '../conversations/whatsapp-messages.repository';
import { ReplyDelivery } from './reply-delivery';
import type { ClaimedReply } from './whatsapp-outbox.repository';
import { WhatsappOutboxRepository } from './whatsapp-outbox.repository';
import { WhatsappStatusOrphansRepository } from './whatsapp-status-orphans.repository';

/** Attempts before a reply the provider keeps refusing with a temporary error is given up (about 40 minutes). */
export const REPLY_MAX_ATTEMPTS = 10;
const CLAIM_LIMIT = 100;
const ORPHAN_TTL_MS = 24 * 3600_000;
const PURGE_EVERY_MS = 10 * 60_000;
const ADOPT_EVERY_MS = 1_000;

/**
 * Delivers the replies outbox on the job runner: due replies are claimed under a lease (replicas share the work),
 * grouped by conversation so that one conversation's replies go out one after another in the order they were
 * written, several conversations at once. A provider outage leaves replies pending under backoff; a restart finds
 * them due again when their lease runs out. Nudged right after each reply, so delivery does not wait for the poll.
 */
@Injectable()
export class RepliesWorker extends JobWorker<ClaimedReply> {
  private readonly logger = new Logger('RepliesWorker');
  protected readonly runner: JobRunner<ClaimedReply>;

  constructor(
    db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    clock: Clock,
    outbox: WhatsappOutboxRepository,
    orphans: WhatsappStatusOrphansRepository,
    messages: WhatsappMessagesRepository,
    private readonly delivery: ReplyDelivery,
  ) {
    super();
    this.runner = new JobRunner<ClaimedReply>({
      name: 'replies',
      queue: {
        claim: (d, limit, lease) => outbox.claim(d, limit, lease),
        renewLeases: (d, ids, lease) => outbox.renewLeases(d, ids, lease),
        fail: (d, failures) => outbox.fail(d, failures),
        sweep: (d, now) => this.settleOrphans(orphans, messages, d, now),
      },
      db,
      clock,
      claimLimit: CLAIM_LIMIT,
      leaseSeconds: config.repliesLeaseSeconds,
      handle: (batch) => this.deliverInOrder(batch),
      partition: byConversation,
      concurrency: config.repliesWorkerConcurrency,
      backoff: { baseSeconds: config.repliesRetryBaseMs / 1000, capSeconds: 600, jitter: 0.2 },
      maxAttempts: REPLY_MAX_ATTEMPTS,
      pollMs: config.repliesWorkerIntervalMs,
      logger: this.logger,
    });
  }

  protected enabled(): boolean {
    return this.config.repliesWorkerEnabled;
  }

  private lastAdopt = 0;
  private lastPurge = 0;

  /**
   * Kept statuses whose message got its id meanwhile are applied about once a second (a status webhook can commit
   * its orphan just after the worker took the orphans); those no reply claimed within a day belong to messages sent
   * elsewhere and are forgotten, checked every 10 minutes.
   */
  private async settleOrphans(
    orphans: WhatsappStatusOrphansRepository,
    messages: WhatsappMessagesRepository,
    db: Db,
    now: Date,
  ): Promise<number> {
    if (now.getTime() - this.lastAdopt >= ADOPT_EVERY_MS) {
      this.lastAdopt = now.getTime();
      await messages.adoptOrphanStatuses(db);
    }
    if (now.getTime() - this.lastPurge >= PURGE_EVERY_MS) {
      this.lastPurge = now.getTime();
      await orphans.purge(db, { before: new Date(now.getTime() - ORPHAN_TTL_MS) });
    }
    return 0;
  }

  /** Delivers every due reply (tests, and callers that want to wait). */
  drain(): Promise<DrainStats> {
    return this.runner.drain();
  }

  /** One conversation's replies, oldest first; a reply after one that must be retried waits for it. */
  private async deliverInOrder(batch: ClaimedReply[]): Promise<JobFailure<ClaimedReply>[]> {
    const failures: JobFailure<ClaimedReply>[] = [];
    for (const job of batch) {
      if (failures.length > 0) {
        failures.push({ job, error: 'Waiting for an earlier reply of the conversation' });
        continue;
      }
      const failure = await this.delivery.deliver(job);
      if (failure) failures.push({ job, error: failure });
    }
    return failures;
  }
}

function byConversation(jobs: ClaimedReply[]): ClaimedReply[][] {
  const groups = new Map<string, ClaimedReply[]>();
  for (const job of jobs) groups.set(job.conversationId, [...(groups.get(job.conversationId) ?? []), job]);
  return [...groups.values()];
}
