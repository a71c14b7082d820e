import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { TokenCipher } from '../../common/crypto/token-cipher';
import type { BackoffPolicy } from '../../common/jobs/backoff';
import type { JobFailure } from '../../common/jobs/job-queue';
import { errorMessage, JobRunner } from '../../common/jobs/job-runner';
import { JobWorker } from '../../common/jobs/job-worker';
import { publicExchange } from '../../common/http/public-target';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import type { WebhookAttempt } from './entities/webhook-delivery.entity';
import { type ClaimedDelivery, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WEBHOOK_HEADERS, webhookSignature } from './webhook-signature';
import { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';

const CLAIM_LIMIT = 20;
/** Deliveries sent at once: one slow subscriber holds one lane, not the queue. */
const CONCURRENCY = 8;
/** Subscribers' answers are read up to this size; only an excerpt is kept. */
const MAX_RESPONSE_BYTES = 64 * 1024;
const EXCERPT_CHARS = 200;
const CAP_SECONDS = 3600;

type Outcome =
  | { kind: 'delivered'; attempt: WebhookAttempt }
  | { kind: 'retry'; attempt: WebhookAttempt }
  /** 410 Gone: the subscriber says the endpoint is no more; the subscription is paused, nothing is retried. */
  | { kind: 'gone'; attempt: WebhookAttempt };

/**
 * Delivers webhook_deliveries on the shared job runner: due rows are claimed with FOR UPDATE SKIP LOCKED under a
 * lease (several API processes share the queue), each POSTed signed to its subscription's URL (the address checked
 * at each connection), logged, and delivered on a 2xx or retried with the shared backoff until maxAttempts. A
 * delivery of a paused subscription is canceled when claimed; a deleted subscription's rows are gone with it.
 */
@Injectable()
export class WebhooksWorker extends JobWorker<ClaimedDelivery> {
  private readonly logger = new Logger('WebhooksWorker');
  protected readonly runner: JobRunner<ClaimedDelivery>;

  constructor(
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly cipher: TokenCipher,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly subscriptions: WebhookSubscriptionsRepository,
  ) {
    super();
    const settings = config.outboundWebhooks;
    const backoff: BackoffPolicy = { baseSeconds: settings.retryBaseMs / 1000, capSeconds: CAP_SECONDS, jitter: 0.2 };
    this.runner = new JobRunner<ClaimedDelivery>({
      name: 'outbound-webhooks',
      queue: deliveries,
      db,
      clock,
      claimLimit: CLAIM_LIMIT,
      // Longer than a send may take, so a live worker's delivery is never claimed again under it.
      leaseSeconds: Math.max(30, Math.ceil((settings.timeoutMs * 3) / 1000)),
      handle: ([delivery]) => this.deliver(delivery),
      partition: (jobs) => jobs.map((job) => [job]),
      concurrency: CONCURRENCY,
      backoff,
      maxAttempts: settings.maxAttempts,
      pollMs: settings.intervalMs,
      logger: this.logger,
    });
  }

  protected enabled(): boolean {
    return this.config.outboundWebhooks.workerEnabled;
  }

  private async deliver(delivery: ClaimedDelivery): Promise<JobFailure<ClaimedDelivery>[]> {
    const record = { organizationId: delivery.organizationId, id: delivery.id };
    if (!delivery.active && delivery.eventType !== 'ping') {
      await this.deliveries.cancelPending(
        this.db,
        { organizationId: delivery.organizationId, subscriptionId: delivery.subscriptionId },
        'subscription paused',
        this.clock.now(),
      );
      return [];
    }
    let secret: string;
    try {
      secret = this.cipher.decrypt(delivery.secretEncrypted);
    } catch {
      return [
        {
          job: delivery,
          error: 'the signing secret cannot be decrypted (was ENCRYPTION_KEY changed?)',
          permanent: true,
        },
      ];
    }
    const outcome = await this.send(delivery, secret);
    const now = this.clock.now();
    if (outcome.kind === 'delivered') {
      await this.deliveries.recordAttempt(this.db, { ...record, attempt: outcome.attempt }, true, now);
      return [];
    }
    await this.deliveries.recordAttempt(this.db, { ...record, attempt: outcome.attempt }, false, now);
    const error = outcome.attempt.error ?? 'failed';
    if (outcome.kind === 'gone') {
      await this.db.transaction(async (tx) => {
        const key = { organizationId: delivery.organizationId, id: delivery.subscriptionId };
        await this.subscriptions.update(tx, key, { active: false }, now);
        await this.deliveries.cancelPending(
          tx,
          { organizationId: delivery.organizationId, subscriptionId: delivery.subscriptionId },
          'subscription paused: the endpoint answered 410 Gone',
          now,
        );
      });
      this.logger.warn(`Subscription ${delivery.subscriptionId} paused: its endpoint answered 410 Gone`);
      return [{ job: delivery, error, permanent: true }];
    }
    return [{ job: delivery, error }];
  }

  /** One signed POST; never throws (every failure is an attempt to log). */
  private async send(delivery: ClaimedDelivery, secret: string): Promise<Outcome> {
    const settings = this.config.outboundWebhooks;
    const body = JSON.stringify(delivery.payload);
    const started = this.clock.now();
    const timestamp = Math.floor(started.getTime() / 1000);
    const attempt = (statusCode: number | null, error: string | null): WebhookAttempt => ({
      at: started.toISOString(),
      statusCode,
      error,
      durationMs: Math.max(0, this.clock.now().getTime() - started.getTime()),
    });
    try {
      const answer = await publicExchange(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'WhaTrack-Webhooks/1',
          [WEBHOOK_HEADERS.event]: delivery.eventType,
          [WEBHOOK_HEADERS.delivery]: delivery.id,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: webhookSignature(secret, timestamp, body),
        },
        body,
        timeoutMs: settings.timeoutMs,
        allowPrivate: settings.allowPrivateUrls,
        maxBytes: MAX_RESPONSE_BYTES,
      });
      if (answer.status >= 200 && answer.status < 300)
        return { kind: 'delivered', attempt: attempt(answer.status, null) };
      const excerpt = answer.body
        .toString('utf8', 0, Math.min(answer.body.length, EXCERPT_CHARS * 4))
        .slice(0, EXCERPT_CHARS);
      const error = `HTTP ${answer.status}${excerpt.trim() ? `: ${excerpt.trim()}` : ''}`;
      return { kind: answer.status === 410 ? 'gone' : 'retry', attempt: attempt(answer.status, error) };
    } catch (error) {
      const code = (error as { code?: string }).code;
      return {
        kind: 'retry',
        attempt: attempt(null, `${code ? `${code}: ` : ''}${errorMessage(error)}`.slice(0, 500)),
      };
    }
  }
}
