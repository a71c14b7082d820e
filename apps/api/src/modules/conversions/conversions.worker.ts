import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { TokenCipher } from '../../common/crypto/token-cipher';
import { type BackoffPolicy, backoffSeconds as jobBackoffSeconds } from '../../common/jobs/backoff';
import type { JobFailure } from '../../common/jobs/job-queue';
import { errorMessage, JobRunner } from '../../common/jobs/job-runner';
import { JobWorker } from '../../common/jobs/job-worker';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import { ConversionsRepository } from './conversions.repository';
import type { ClaimedConversion } from './conversions.sql';
import { type MetaDestination, MetaSettingsRepository } from './meta-settings.repository';

/** Attempts before a conversion is marked failed. */
export const MAX_ATTEMPTS = 8;
/** Events per request: Meta accepts up to 1000; smaller batches keep one bad request cheap. */
export const EVENTS_PER_REQUEST = 100;
const CLAIM_LIMIT = 500;
/**
 * How long a claim holds; the runner renews it while a round is sent (every 20 s), so a worker that died has its
 * rows claimed again within a minute (the lease was a fixed five minutes before the job runner).
 */
export const LEASE_SECONDS = 60;
const REQUEST_TIMEOUT_MS = 15_000;
/**
 * 1, 2, 4... minutes, capped at 6 hours, without jitter: the rows of a request fail together and, due again at one
 * instant, go out again as one request.
 */
export const CONVERSIONS_BACKOFF: BackoffPolicy = { baseSeconds: 60, capSeconds: 6 * 3600, jitter: 0 };

/** Seconds before the next try after `attempts` failures: 1, 2, 4... minutes, capped at 6 hours. */
export function backoffSeconds(attempts: number): number {
  return jobBackoffSeconds(attempts, CONVERSIONS_BACKOFF);
}

export interface DrainResult {
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
}

class DeliveryError extends Error {}

/**
 * Delivers the conversions outbox to Meta's Conversions API on the job runner. Due rows are claimed with FOR UPDATE
 * SKIP LOCKED under a lease (several replicas share the work, none sends a row another holds), sent in batches per
 * organization, then marked sent or left to the runner's backoff (failed after MAX_ATTEMPTS, the error kept). A row
 * is queued once (unique event id) and carries that id to Meta, which drops a repeat should a crash resend a batch.
 */
@Injectable()
export class ConversionsWorker extends JobWorker<ClaimedConversion> {
  private readonly logger = new Logger('ConversionsWorker');
  protected readonly runner: JobRunner<ClaimedConversion>;

  constructor(
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly cipher: TokenCipher,
    private readonly conversions: ConversionsRepository,
    private readonly metaSettings: MetaSettingsRepository,
  ) {
    super();
    this.runner = new JobRunner<ClaimedConversion>({
      name: 'conversions',
      queue: conversions,
      db,
      clock,
      claimLimit: CLAIM_LIMIT,
      leaseSeconds: LEASE_SECONDS,
      handle: (round) => this.deliver(round),
      backoff: CONVERSIONS_BACKOFF,
      maxAttempts: MAX_ATTEMPTS,
      pollMs: config.conversionsWorkerIntervalMs,
      logger: this.logger,
    });
  }

  protected enabled(): boolean {
    return this.config.conversionsWorkerEnabled;
  }

  /** Sends every due conversion; returns what happened to them. */
  async drain(): Promise<DrainResult> {
    const { claimed, retrying, dead, swept } = await this.runner.drain();
    return { sent: claimed - retrying - dead, retrying, failed: dead, skipped: swept };
  }

  /**
   * Sends a claimed round, oldest event first, in requests of up to EVENTS_PER_REQUEST per organization; each
   * request's rows are marked sent, or answered as failed with its error.
   */
  private async deliver(round: ClaimedConversion[]): Promise<JobFailure<ClaimedConversion>[]> {
    const claimed = [...round].sort((a, b) => a.payload.event_time - b.payload.event_time || a.id.localeCompare(b.id));
    const organizations = [...new Set(claimed.map((c) => c.organizationId))];
    const destinations = new Map(
      (await this.metaSettings.destinations(this.db, organizations)).map((d) => [d.organizationId, d]),
    );
    const byOrg = new Map<string, ClaimedConversion[]>();
    for (const c of claimed) byOrg.set(c.organizationId, [...(byOrg.get(c.organizationId) ?? []), c]);
    const failures: JobFailure<ClaimedConversion>[] = [];
    for (const [organizationId, rows] of byOrg) {
      for (let start = 0; start < rows.length; start += EVENTS_PER_REQUEST) {
        const batch = rows.slice(start, start + EVENTS_PER_REQUEST);
        try {
          await this.send(destinations.get(organizationId), batch);
          await this.conversions.markSent(
            this.db,
            batch.map((c) => c.id),
            this.clock.now(),
          );
        } catch (error) {
          const message = errorMessage(error);
          this.logger.warn(`Meta conversions of organization ${organizationId} failed: ${message}`);
          failures.push(...batch.map((job) => ({ job, error: message })));
        }
      }
    }
    return failures;
  }

  private async send(destination: MetaDestination | undefined, batch: ClaimedConversion[]): Promise<void> {
    if (!destination?.datasetId || !destination.accessTokenEncrypted) {
      throw new DeliveryError('Meta settings are incomplete: dataset id and access token are required');
    }
    let token: string;
    try {
      token = this.cipher.decrypt(destination.accessTokenEncrypted);
    } catch {
      throw new DeliveryError(
        'The stored access token cannot be decrypted (was ENCRYPTION_KEY changed?): save it again',
      );
    }
    const base = (destination.graphApiBaseUrl ?? this.config.metaGraphApiBaseUrl).replace(/\/+$/, '');
    const url = `${base}/${encodeURIComponent(destination.datasetId)}/events?access_token=${encodeURIComponent(token)}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: batch.map((c) => c.payload) }),
        redirect: 'error',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      // Never the URL: it holds the token.
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const reason = error instanceof Error ? error.name : 'Error';
      throw new DeliveryError(`Request to the Graph API failed (${cause ?? reason})`);
    }
    if (response.ok) return;
    const text = await response.text().catch(() => '');
    let message = text;
    try {
      const body = JSON.parse(text) as { error?: { message?: string; code?: number } };
      if (body.error?.message) message = `${body.error.message}${body.error.code ? ` (code ${body.error.code})` : ''}`;
    } catch {
      // Not JSON: keep the text.
    }
    throw new DeliveryError(
      `Graph API answered ${response.status}: ${message.replaceAll(token, '***').slice(0, 1000)}`,
    );
  }
}
