import type { Db } from '../../database/db';

/** What the runner needs of a claimed job; a queue's job type adds what its handler needs (payload, body…). */
export interface ClaimedJob {
  id: string;
  /** Attempts so far, this one included (the claim counts it). */
  attempts: number;
}

/** A claim and its renewals hold until `until`; `now` is the runner's clock. */
export interface JobLease {
  now: Date;
  until: Date;
}

/** A failed attempt as the runner settles it: retried at `retryAt`, or given up (`dead`) with its error kept. */
export interface FailedJob {
  id: string;
  error: string;
  retryAt: Date;
  dead: boolean;
}

/**
 * The per-queue side of the job runner, implemented by the repository of the queue's table (webhook_events,
 * conversions, the replies outbox next): due jobs are claimed with FOR UPDATE SKIP LOCKED under a lease, and a job
 * whose lease ran out (its worker died) is due again. Completing a job is the handler's: it is usually written in
 * the transaction that applied the job, with the job's outcome.
 */
export interface JobQueue<J extends ClaimedJob> {
  /** Claims up to `limit` due jobs (pending and due, or held under a lease that ran out), counting an attempt. */
  claim(db: Db, limit: number, lease: JobLease): Promise<J[]>;
  /** The heartbeat: jobs still worked on stay claimed until `lease.until`. */
  renewLeases(db: Db, ids: string[], lease: JobLease): Promise<void>;
  /** Releases failed jobs: due again at retryAt, or dead; one statement for the lot. */
  fail(db: Db, failures: FailedJob[]): Promise<void>;
  /** Settles, before a claim, pending jobs that can no longer run (too old, orphaned); answers how many. */
  sweep?(db: Db, now: Date): Promise<number>;
}

/** A job its handler could not apply. `permanent`: retrying cannot help, the job is given up at once. */
export interface JobFailure<J extends ClaimedJob> {
  job: J;
  error: string;
  permanent?: boolean;
}

/** What a drain did: jobs claimed (and handled), how many of them were rescheduled or given up, and swept. */
export interface DrainStats {
  claimed: number;
  retrying: number;
  dead: number;
  swept: number;
}
