import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { WhatsappProvider } from '@whatrack/shared';
import { PermanentProcessingError, WebhookProcessor } from './webhook-processor';

export const MAX_ATTEMPTS = 8;
const BATCH = 10;
const POLL_MS = 1000;
/** A "processing" event older than this belongs to a worker that died: it is claimed again. */
const STALE_LOCK = '5 minutes';

/**
 * Processes stored webhook events: claims due ones with FOR UPDATE SKIP LOCKED (so several replicas share the
 * work), applies each in its own transaction together with its status, and schedules failures for a retry.
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
    this.running = this.drain()
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
   * Processes every due event, returning how many were handled. Several lanes claim and process in parallel
   * (each event in its own transaction); messages of one conversation still apply one at a time, because
   * ingestion locks the conversation row.
   */
  async drain(): Promise<number> {
    const lanes = Array.from({ length: this.config.webhookWorkerConcurrency }, () => this.drainLane());
    const counts = await Promise.all(lanes);
    return counts.reduce((a, b) => a + b, 0);
  }

  private async drainLane(): Promise<number> {
    let total = 0;
    while (!this.stopped) {
      const ids = await this.claim(BATCH);
      if (ids.length === 0) break;
      for (const id of ids) await this.processClaimed(id);
      total += ids.length;
    }
    return total;
  }

  /** Reprocesses one event now, whatever its status (admin retry). */
  async retry(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_events SET status = 'processing', attempts = 1, locked_at = now(), next_attempt_at = now(),
       last_error = NULL, updated_at = now() WHERE id = $1`,
      [id],
    );
    await this.processClaimed(id);
  }

  private async claim(limit: number): Promise<string[]> {
    // Wrapped in a CTE so the driver returns the rows (a bare UPDATE … RETURNING comes back as [rows, count]).
    const rows = await this.dataSource.query<{ id: string }[]>(
      `WITH claimed AS (
         UPDATE webhook_events SET status = 'processing', attempts = attempts + 1, locked_at = now(), updated_at = now()
         WHERE id IN (
           SELECT id FROM webhook_events
           WHERE (status = 'pending' AND next_attempt_at <= now())
              OR (status = 'processing' AND locked_at < now() - interval '${STALE_LOCK}')
           ORDER BY next_attempt_at, received_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING id, received_at)
       SELECT id FROM claimed ORDER BY received_at`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  private async processClaimed(id: string): Promise<void> {
    try {
      await this.dataSource.transaction(async (m) => {
        const [row] = await m.query<
          { provider: WhatsappProvider; organization_id: string | null; instance_id: string | null; body: unknown }[]
        >('SELECT provider, organization_id, instance_id, body FROM webhook_events WHERE id = $1', [id]);
        if (!row) return;
        const event = {
          id,
          provider: row.provider,
          organizationId: row.organization_id,
          instanceId: row.instance_id,
          body: row.body,
        };
        const result = await this.processor.process(m, event);
        await m.query(
          `UPDATE webhook_events SET status = $2, organization_id = COALESCE($3, organization_id),
             instance_id = COALESCE($4, instance_id), processed_at = now(), locked_at = NULL, last_error = NULL, updated_at = now()
           WHERE id = $1`,
          [id, result.status, result.organizationId, result.instanceId],
        );
      });
    } catch (error) {
      await this.recordFailure(id, error);
    }
  }

  private async recordFailure(id: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const permanent = error instanceof PermanentProcessingError;
    this.logger.warn(`Webhook event ${id} failed: ${message}`);
    await this.dataSource.query(
      `UPDATE webhook_events
       SET status = CASE WHEN $2 OR attempts >= $3 THEN 'failed' ELSE 'pending' END,
           -- Exponential backoff: 5 s, 10 s, 20 s, ... capped at one hour.
           next_attempt_at = now() + make_interval(secs => LEAST($4 * power(2, GREATEST(attempts - 1, 0)), 3600)),
           last_error = $5, locked_at = NULL, updated_at = now()
       WHERE id = $1`,
      [id, permanent, MAX_ATTEMPTS, 5, message.slice(0, 2000)],
    );
  }
}
