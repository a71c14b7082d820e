import { jest } from '@jest/globals';
import { Clock } from '../clock/clock';
import type { Db } from '../../database/db';
import type { ClaimedJob, FailedJob, JobFailure, JobLease, JobQueue } from './job-queue';
import { JobRunner, type JobRunnerOptions } from './job-runner';

interface Job extends ClaimedJob {
  name: string;
}

/** An in-memory queue: `due` jobs are handed out by claim, what the runner does with them is recorded. */
class MemoryQueue implements JobQueue<Job> {
  due: Job[] = [];
  claims: { limit: number; lease: JobLease }[] = [];
  renewals: { ids: string[]; lease: JobLease }[] = [];
  failed: FailedJob[] = [];
  swept = 0;

  add(...names: string[]): void {
    for (const name of names) this.due.push({ id: name, name, attempts: 0 });
  }

  claim(_db: Db, limit: number, lease: JobLease): Promise<Job[]> {
    this.claims.push({ limit, lease });
    const jobs = this.due.splice(0, limit).map((j) => ({ ...j, attempts: j.attempts + 1 }));
    return Promise.resolve(jobs);
  }

  renewLeases(_db: Db, ids: string[], lease: JobLease): Promise<void> {
    this.renewals.push({ ids, lease });
    return Promise.resolve();
  }

  fail(_db: Db, failures: FailedJob[]): Promise<void> {
    this.failed.push(...failures);
    return Promise.resolve();
  }

  /** Settles one unrunnable job per call. */
  sweep(): Promise<number> {
    this.swept += 1;
    return Promise.resolve(1);
  }
}

const NOW = new Date('2026-03-15T15:00:00.000Z');
const db = {} as Db;

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('JobRunner', () => {
  let queue: MemoryQueue;
  let clock: Clock;
  const runners: JobRunner<Job>[] = [];

  function runner(options: Partial<JobRunnerOptions<Job>> = {}): JobRunner<Job> {
    const r = new JobRunner<Job>({
      name: 'test',
      queue,
      db,
      clock,
      claimLimit: 10,
      leaseSeconds: 30,
      handle: () => Promise.resolve([]),
      backoff: { baseSeconds: 5, capSeconds: 3600, jitter: 0 },
      maxAttempts: 3,
      pollMs: 1000,
      logger: { error: jest.fn(), warn: jest.fn(), debug: jest.fn() },
      ...options,
    });
    runners.push(r);
    return r;
  }

  beforeEach(() => {
    queue = new MemoryQueue();
    clock = new Clock();
    clock.freeze(NOW);
  });

  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
  });

  it('claims round after round under a lease from the clock until nothing is due', async () => {
    queue.add('a', 'b', 'c', 'd', 'e');
    const handled: string[][] = [];
    const r = runner({
      claimLimit: 2,
      handle: (batch) => {
        handled.push(batch.map((j) => j.name));
        return Promise.resolve([]);
      },
    });
    expect(await r.drain()).toEqual({ claimed: 5, retrying: 0, dead: 0, swept: 1 });
    expect(handled).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(queue.claims).toHaveLength(4);
    expect(queue.claims[0]).toEqual({
      limit: 2,
      lease: { now: NOW, until: new Date('2026-03-15T15:00:30.000Z') },
    });
  });

  it('reschedules a failed job with the backoff of its attempt, and gives it up after maxAttempts', async () => {
    queue.add('a');
    const fail = (batch: Job[]): Promise<JobFailure<Job>[]> =>
      Promise.resolve(batch.map((job) => ({ job, error: 'boom' })));
    const r = runner({ handle: fail });
    const retryAts: string[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const stats = await r.drain();
      expect(stats).toMatchObject(attempt < 3 ? { claimed: 1, retrying: 1, dead: 0 } : { retrying: 0, dead: 1 });
      const failed = queue.failed.at(-1)!;
      retryAts.push(failed.retryAt.toISOString());
      expect(failed).toMatchObject({ id: 'a', error: 'boom', dead: attempt === 3 });
      queue.due.push({ id: 'a', name: 'a', attempts: attempt });
    }
    expect(retryAts).toEqual(['2026-03-15T15:00:05.000Z', '2026-03-15T15:00:10.000Z', '2026-03-15T15:00:20.000Z']);
  });

  it('gives a permanent failure up at once, and cuts long errors', async () => {
    queue.add('a', 'b');
    const r = runner({
      handle: (batch) =>
        Promise.resolve([
          { job: batch[0], error: 'x'.repeat(5000), permanent: true },
          { job: batch[1], error: 'later' },
        ]),
    });
    expect(await r.drain()).toMatchObject({ claimed: 2, retrying: 1, dead: 1 });
    expect(queue.failed.map((f) => [f.id, f.dead, f.error.length])).toEqual([
      ['a', true, 2000],
      ['b', false, 5],
    ]);
  });

  it('fails the whole batch as transient when its handler throws, and goes on with the other batches', async () => {
    queue.add('a', 'b', 'c');
    const r = runner({
      partition: (jobs) => jobs.map((j) => [j]),
      concurrency: 3,
      handle: (batch) => (batch[0].name === 'b' ? Promise.reject(new Error('lost connection')) : Promise.resolve([])),
    });
    expect(await r.drain()).toMatchObject({ claimed: 3, retrying: 1, dead: 0 });
    expect(queue.failed).toEqual([
      { id: 'b', error: 'lost connection', dead: false, retryAt: new Date('2026-03-15T15:00:05.000Z') },
    ]);
  });

  it('applies at most `concurrency` batches at once', async () => {
    queue.add('a', 'b', 'c', 'd', 'e');
    let running = 0;
    let peak = 0;
    const r = runner({
      partition: (jobs) => jobs.map((j) => [j]),
      concurrency: 2,
      handle: async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return [];
      },
    });
    expect((await r.drain()).claimed).toBe(5);
    expect(peak).toBe(2);
  });

  it('renews the leases of a round while it runs, and stops renewing when it ends', async () => {
    queue.add('a', 'b');
    const release = deferred();
    const r = runner({ leaseSeconds: 0.03, handle: () => release.promise.then(() => []) });
    const drained = r.drain();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(queue.renewals.length).toBeGreaterThanOrEqual(2);
    expect(queue.renewals[0]).toEqual({
      ids: ['a', 'b'],
      lease: { now: NOW, until: new Date(NOW.getTime() + 30) },
    });
    release.resolve();
    await drained;
    const renewals = queue.renewals.length;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(queue.renewals).toHaveLength(renewals);
  });

  it('on shutdown, stops claiming and waits for the jobs in flight', async () => {
    queue.add('a', 'b', 'c');
    const release = deferred();
    const handled: string[] = [];
    const r = runner({
      claimLimit: 1,
      handle: async (batch) => {
        await release.promise;
        handled.push(batch[0].name);
        return [];
      },
    });
    const drained = r.drain();
    await new Promise((resolve) => setTimeout(resolve, 10));
    let stopped = false;
    const stopping = r.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release.resolve();
    await stopping;
    expect(handled).toEqual(['a']);
    expect(await drained).toMatchObject({ claimed: 1 });
    expect(queue.claims).toHaveLength(1);
    // Stopped: no pass, no claim.
    r.nudge();
    expect(await r.drain()).toEqual({ claimed: 0, retrying: 0, dead: 0, swept: 0 });
    expect(queue.claims).toHaveLength(1);
  });

  it('lets go after the grace period when a job never finishes', async () => {
    queue.add('a');
    const logger = { error: jest.fn(), warn: jest.fn(), debug: jest.fn() };
    const r = runner({ shutdownGraceMs: 30, logger, handle: () => new Promise(() => undefined) });
    void r.drain();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    await r.stop();
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('still running'));
  });

  it('runs one nudged pass at a time, and one more after a nudge during a pass', async () => {
    const release = deferred();
    let passes = 0;
    const r = runner({
      handle: async () => {
        passes += 1;
        if (passes === 1) await release.promise;
        return [];
      },
    });
    queue.add('a');
    r.nudge();
    await new Promise((resolve) => setTimeout(resolve, 10));
    queue.add('b');
    r.nudge();
    r.nudge();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(passes).toBe(1);
    release.resolve();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(passes).toBe(2);
    // Pass 1 (a), its empty claim, pass 2 (b) and its empty claim.
    expect(queue.claims).toHaveLength(4);
  });

  it('settles the failures of jobs it is handed (an admin retry)', async () => {
    const r = runner({ handle: (batch) => Promise.resolve([{ job: batch[0], error: 'again' }]) });
    expect(await r.process([{ id: 'x', name: 'x', attempts: 1 }])).toEqual({ retrying: 1, dead: 0 });
    expect(queue.failed).toEqual([
      { id: 'x', error: 'again', dead: false, retryAt: new Date('2026-03-15T15:00:05.000Z') },
    ]);
  });
});
