import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import type { DrainStats, JobFailure } from '../../common/jobs/job-queue';
import { JobRunner } from '../../common/jobs/job-runner';
import { JobWorker } from '../../common/jobs/job-worker';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import { MediaDownload } from './media-download';
import { type ClaimedMedia, WhatsappMediaRepository } from './whatsapp-media.repository';

/** Attempts before a download is given up (about 20 minutes with the default backoff): the chat says it is missing. */
export const MEDIA_MAX_ATTEMPTS = 8;
const CLAIM_LIMIT = 16;
const LEASE_SECONDS = 180;
const CONCURRENCY = 4;

/**
 * Downloads media files on the job runner: due downloads are claimed under a lease (replicas share the work), a few
 * at once, each outside any transaction; a provider or store outage leaves them pending under backoff, and a restart
 * finds them due again when their lease runs out.
 */
@Injectable()
export class MediaWorker extends JobWorker<ClaimedMedia> {
  private readonly logger = new Logger('MediaWorker');
  protected readonly runner: JobRunner<ClaimedMedia>;

  constructor(
    db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    clock: Clock,
    media: WhatsappMediaRepository,
    private readonly download: MediaDownload,
  ) {
    super();
    this.runner = new JobRunner<ClaimedMedia>({
      name: 'media',
      queue: media,
      db,
      clock,
      claimLimit: CLAIM_LIMIT,
      leaseSeconds: LEASE_SECONDS,
      handle: (batch) => this.handle(batch),
      partition: (jobs) => jobs.map((job) => [job]),
      concurrency: CONCURRENCY,
      backoff: { baseSeconds: config.media.retryBaseMs / 1000, capSeconds: 600, jitter: 0.2 },
      maxAttempts: MEDIA_MAX_ATTEMPTS,
      pollMs: config.media.workerIntervalMs,
      logger: this.logger,
    });
  }

  protected enabled(): boolean {
    return this.config.media.workerEnabled;
  }

  /** Downloads every due file (tests, and callers that want to wait). */
  drain(): Promise<DrainStats> {
    return this.runner.drain();
  }

  private async handle(batch: ClaimedMedia[]): Promise<JobFailure<ClaimedMedia>[]> {
    const failures: JobFailure<ClaimedMedia>[] = [];
    for (const job of batch) {
      const failure = await this.download.run(job);
      if (failure) failures.push(failure);
    }
    return failures;
  }
}
