import { Logger } from '@nestjs/common';
import type { Db } from '../../database/db';
import type { Clock } from '../clock/clock';
import { outsideRequest } from '../db/db-request-context';
import { type BackoffPolicy, retryAt } from './backoff';
import type { ClaimedJob, DrainStats, FailedJob, JobFailure, JobLease, JobQueue } from './job-queue';

export interface JobRunnerOptions<J extends ClaimedJob> {
  /** For the logs: "webhook", "conversions". */
  name: string;
  queue: JobQueue<J>;
  db: Db;
  /** The one clock: claims, leases, heartbeats and retry times all read it. */
  clock: Clock;
  /** Jobs claimed per round (one claim statement). */
  claimLimit: number;
  /** How long a claim holds; renewed every third of it while the round runs. */
  leaseSeconds: number;
  /**
   * Applies a batch of claimed jobs and completes those it applied (in the transaction of their effect, where it
   * has one), answering the others. Throwing fails the whole batch, as a transient error.
   */
  handle: (batch: J[]) => Promise<JobFailure<J>[]>;
  /** Splits a round into batches (one per lane, per organization…); default: the round is one batch. */
  partition?: (jobs: J[]) => J[][];
  /** Batches of a round applied at once (default 1). */
  concurrency?: number;
  backoff: BackoffPolicy;
  /** The attempt after which a failing job is given up (dead), its last error kept. */
  maxAttempts: number;
  /** A pass runs every pollMs, and soon after each nudge. */
  pollMs: number;
  /** How long shutdown waits for the jobs in flight before it lets go (their leases then run out). */
  shutdownGraceMs?: number;
  random?: () => number;
  logger?: Pick<Logger, 'error' | 'warn' | 'debug'>;
}

const DEFAULT_SHUTDOWN_GRACE_MS = 30_000;

/**
 * The PostgreSQL job runner of every queue table (webhook events, conversions, the replies outbox): polls (or is
 * nudged), claims due jobs in rounds with FOR UPDATE SKIP LOCKED under a lease (several replicas share the work; a
 * job whose worker died is claimed again once its lease runs out), renews the lease while a round runs, applies the
 * round's batches with bounded concurrency, and settles failures with one backoff formula: due again later, or dead
 * after maxAttempts (or at once when permanent). Shutdown stops claiming and waits for the jobs in flight.
 */
export class JobRunner<J extends ClaimedJob> {
  private readonly logger: Pick<Logger, 'error' | 'warn' | 'debug'>;
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<unknown> | null = null;
  private again = false;
  private stopped = false;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly options: JobRunnerOptions<J>) {
    this.logger = options.logger ?? new Logger(`JobRunner:${options.name}`);
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Polls every pollMs from now on. */
  start(): void {
    if (this.stopped || this.timer) return;
    this.timer = setInterval(() => this.nudge(), this.options.pollMs);
    this.timer.unref();
  }

  /** Asks for a pass soon (e.g. after an intake); passes started here never overlap. */
  nudge(): void {
    if (this.stopped) return;
    if (this.pass) {
      this.again = true;
      return;
    }
    // A pass is the runner's, not the request's that nudged it: no request budget or abort applies to it.
    this.pass = outsideRequest(() => this.drain())
      .catch((error: unknown) => this.logger.error(`${this.options.name} pass failed: ${errorMessage(error)}`))
      .finally(() => {
        this.pass = null;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /** Handles every due job, round after round, until none is due (or the runner stops). */
  drain(): Promise<DrainStats> {
    return this.track(this.drainRounds());
  }

  /** Applies jobs claimed elsewhere (an admin retry) and settles their failures like a round's. */
  process(jobs: J[]): Promise<{ retrying: number; dead: number }> {
    return this.track(this.applyBatch(jobs));
  }

  /** Stops claiming and waits (up to shutdownGraceMs) for the passes and jobs in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.inFlight.size === 0) return;
    let timeout: NodeJS.Timeout | undefined;
    const grace = this.options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
    const expired = new Promise<boolean>((resolve) => {
      timeout = setTimeout(() => resolve(true), grace);
      timeout.unref();
    });
    const settled = Promise.allSettled([...this.inFlight]).then(() => false);
    if (await Promise.race([settled, expired])) {
      this.logger.warn(`${this.options.name}: ${this.inFlight.size} pass(es) still running after ${grace} ms`);
    }
    clearTimeout(timeout);
  }

  /** The lease a claim or a renewal takes now. */
  lease(): JobLease {
    const now = this.options.clock.now();
    return { now, until: new Date(now.getTime() + this.options.leaseSeconds * 1000) };
  }

  private async drainRounds(): Promise<DrainStats> {
    const { queue, db } = this.options;
    const stats: DrainStats = { claimed: 0, retrying: 0, dead: 0, swept: 0 };
    if (this.stopped) return stats;
    if (queue.sweep) stats.swept += await queue.sweep(db, this.options.clock.now());
    while (!this.stopped) {
      const jobs = await queue.claim(db, this.options.claimLimit, this.lease());
      if (jobs.length === 0) break;
      const stopBeating = this.heartbeat(jobs.map((j) => j.id));
      try {
        const batches = this.options.partition ? this.options.partition(jobs) : [jobs];
        const outcomes = await inParallel(batches, this.options.concurrency ?? 1, (batch) => this.applyBatch(batch));
        for (const outcome of outcomes) {
          stats.retrying += outcome.retrying;
          stats.dead += outcome.dead;
        }
      } finally {
        stopBeating();
      }
      stats.claimed += jobs.length;
    }
    return stats;
  }

  private async applyBatch(batch: J[]): Promise<{ retrying: number; dead: number }> {
    let failures: JobFailure<J>[];
    try {
      failures = await this.options.handle(batch);
    } catch (error) {
      const message = errorMessage(error);
      this.logger.warn(`${this.options.name}: a batch of ${batch.length} failed: ${message}`);
      failures = batch.map((job) => ({ job, error: message }));
    }
    return this.settle(failures);
  }

  /** Reschedules failed jobs after backoff, or gives them up; one statement. */
  private async settle(failures: JobFailure<J>[]): Promise<{ retrying: number; dead: number }> {
    if (failures.length === 0) return { retrying: 0, dead: 0 };
    const { backoff, maxAttempts, random } = this.options;
    const now = this.options.clock.now();
    const rows: FailedJob[] = failures.map(({ job, error, permanent }) => ({
      id: job.id,
      error: error.slice(0, 2000),
      retryAt: retryAt(now, job.attempts, backoff, random),
      dead: permanent === true || job.attempts >= maxAttempts,
    }));
    await this.options.queue.fail(this.options.db, rows);
    const dead = rows.filter((r) => r.dead).length;
    return { retrying: rows.length - dead, dead };
  }

  /**
   * Renews the claim on a round's jobs while they are worked on, so a slow round is not mistaken for a dead worker;
   * a worker that did die stops renewing, and its jobs are claimed again within one lease.
   */
  private heartbeat(ids: string[]): () => void {
    const timer = setInterval(
      () => {
        this.options.queue.renewLeases(this.options.db, ids, this.lease()).catch((error: unknown) => {
          this.logger.warn(`${this.options.name}: could not renew leases: ${errorMessage(error)}`);
        });
      },
      (this.options.leaseSeconds * 1000) / 3,
    );
    timer.unref();
    return () => clearInterval(timer);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const forget = () => this.inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }
}

/** Runs `work` over `items`, at most `limit` at once, answering the results in order. */
async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  if (items.length <= limit) return Promise.all(items.map(work));
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, lane));
  return results;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
