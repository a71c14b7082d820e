import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { MetaEvent } from './meta-events';
import { TokenCipher } from '../../common/crypto/token-cipher';

/** Attempts before a conversion is marked failed. */
export const MAX_ATTEMPTS = 8;
/** Events per request: Meta accepts up to 1000; smaller batches keep one bad request cheap. */
export const EVENTS_PER_REQUEST = 100;
const CLAIM_LIMIT = 500;
/** A claimed conversion is hidden from other workers this long; if its worker dies, it is tried again after. */
const LEASE_MS = 5 * 60_000;
/** Meta rejects events older than 7 days (and then the whole batch): such conversions are skipped. */
const MAX_EVENT_AGE_MS = 7 * 24 * 3600_000;
const REQUEST_TIMEOUT_MS = 15_000;
// UPDATE ... RETURNING is wrapped in a CTE: TypeORM answers a bare UPDATE with [rows, count] instead of the rows.

const BACKOFF_BASE_S = 60;
const BACKOFF_CAP_S = 6 * 3600;

/** Seconds before the next try after `attempts` failures: 1, 2, 4... minutes, capped at 6 hours. */
export function backoffSeconds(attempts: number): number {
  return Math.min(BACKOFF_BASE_S * 2 ** Math.max(0, attempts - 1), BACKOFF_CAP_S);
}

export interface DrainResult {
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
}

interface Claimed {
  id: string;
  organization_id: string;
  payload: MetaEvent;
  attempts: number;
}

interface Destination {
  organization_id: string;
  dataset_id: string | null;
  access_token_encrypted: string | null;
  graph_api_base_url: string | null;
}

class DeliveryError extends Error {}

/**
 * Delivers the conversions outbox to Meta's Conversions API. Due rows are claimed with FOR UPDATE SKIP LOCKED under
 * a lease (several replicas share the work, none sends a row another holds), sent in batches per organization, then
 * marked sent or rescheduled with exponential backoff (failed after MAX_ATTEMPTS, the error kept). A row is queued
 * once (unique event id) and carries that id to Meta, which drops a repeat should a crash resend a batch.
 */
@Injectable()
export class ConversionsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ConversionsWorker');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly cipher: TokenCipher,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.conversionsWorkerEnabled) return;
    this.timer = setInterval(() => this.tick(), this.config.conversionsWorkerIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One pass unless one is running. */
  private tick(): void {
    if (this.stopped || this.running) return;
    this.running = this.drain()
      .catch((error: unknown) => {
        this.logger.error(`Conversions pass failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        this.running = null;
      });
  }

  /** Sends every due conversion; returns what happened to them. */
  async drain(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
    result.skipped += await this.skipUnsendable();
    while (!this.stopped) {
      const claimed = await this.claim();
      if (claimed.length === 0) break;
      const destinations = await this.destinations([...new Set(claimed.map((c) => c.organization_id))]);
      const byOrg = new Map<string, Claimed[]>();
      for (const c of claimed) byOrg.set(c.organization_id, [...(byOrg.get(c.organization_id) ?? []), c]);
      for (const [organizationId, rows] of byOrg) {
        for (let start = 0; start < rows.length; start += EVENTS_PER_REQUEST) {
          const batch = rows.slice(start, start + EVENTS_PER_REQUEST);
          try {
            await this.send(destinations.get(organizationId), batch);
            await this.markSent(batch);
            result.sent += batch.length;
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            this.logger.warn(`Meta conversions of organization ${organizationId} failed: ${message}`);
            const failed = await this.markFailed(batch, message);
            result.failed += failed;
            result.retrying += batch.length - failed;
          }
        }
      }
    }
    return result;
  }

  /** Pending rows Meta would refuse: older than 7 days, or purchases whose sale was deleted. */
  private async skipUnsendable(): Promise<number> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `WITH skipped AS (
         UPDATE conversions SET status = 'skipped', updated_at = now(),
           last_error = CASE WHEN kind = 'purchase' AND sale_id IS NULL THEN 'The sale was deleted before it was sent'
                        ELSE 'The event is more than 7 days old: Meta no longer accepts it' END
         WHERE status = 'pending' AND ((kind = 'purchase' AND sale_id IS NULL) OR event_time < $1)
         RETURNING id)
       SELECT id FROM skipped`,
      [new Date(this.clock.now().getTime() - MAX_EVENT_AGE_MS)],
    );
    return rows.length;
  }

  /** Due rows of organizations with Meta enabled, leased to this worker (attempts counted now). */
  private async claim(): Promise<Claimed[]> {
    const now = this.clock.now();
    const rows = await this.dataSource.query<Claimed[]>(
      `WITH claimed AS (
         UPDATE conversions c SET attempts = c.attempts + 1, next_attempt_at = $2, updated_at = now()
         WHERE c.id IN (
           SELECT d.id FROM conversions d
           JOIN meta_settings ms ON ms.organization_id = d.organization_id AND ms.enabled
           WHERE d.status = 'pending' AND d.next_attempt_at <= $1
           ORDER BY d.next_attempt_at, d.id
           LIMIT $3
           FOR UPDATE OF d SKIP LOCKED)
         RETURNING c.id, c.organization_id, c.payload, c.attempts)
       SELECT * FROM claimed`,
      [now, new Date(now.getTime() + LEASE_MS), CLAIM_LIMIT],
    );
    return rows.sort((a, b) => a.payload.event_time - b.payload.event_time || a.id.localeCompare(b.id));
  }

  private async destinations(organizationIds: string[]): Promise<Map<string, Destination>> {
    const rows = await this.dataSource.query<Destination[]>(
      `SELECT organization_id, dataset_id, access_token_encrypted, graph_api_base_url
       FROM meta_settings WHERE organization_id = ANY($1::uuid[])`,
      [organizationIds],
    );
    return new Map(rows.map((r) => [r.organization_id, r]));
  }

  private async send(destination: Destination | undefined, batch: Claimed[]): Promise<void> {
    if (!destination?.dataset_id || !destination.access_token_encrypted) {
      throw new DeliveryError('Meta settings are incomplete: dataset id and access token are required');
    }
    let token: string;
    try {
      token = this.cipher.decrypt(destination.access_token_encrypted);
    } catch {
      throw new DeliveryError(
        'The stored access token cannot be decrypted (was ENCRYPTION_KEY changed?): save it again',
      );
    }
    const base = (destination.graph_api_base_url ?? this.config.metaGraphApiBaseUrl).replace(/\/+$/, '');
    const url = `${base}/${encodeURIComponent(destination.dataset_id)}/events?access_token=${encodeURIComponent(token)}`;
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

  private async markSent(batch: Claimed[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE conversions SET status = 'sent', sent_at = $2, last_error = NULL, updated_at = now()
       WHERE id = ANY($1::uuid[])`,
      [batch.map((c) => c.id), this.clock.now()],
    );
  }

  /** Reschedules after backoffSeconds(attempts), or gives up after MAX_ATTEMPTS; returns how many gave up. */
  private async markFailed(batch: Claimed[], message: string): Promise<number> {
    const rows = await this.dataSource.query<{ status: string }[]>(
      `WITH failed AS (
         UPDATE conversions
         SET status = CASE WHEN attempts >= $2 THEN 'failed' ELSE 'pending' END,
             next_attempt_at = $3::timestamptz
               + make_interval(secs => LEAST($5 * power(2, GREATEST(attempts - 1, 0)), $6)),
             last_error = $4, updated_at = now()
         WHERE id = ANY($1::uuid[])
         RETURNING status)
       SELECT status FROM failed`,
      [batch.map((c) => c.id), MAX_ATTEMPTS, this.clock.now(), message, BACKOFF_BASE_S, BACKOFF_CAP_S],
    );
    return rows.filter((r) => r.status === 'failed').length;
  }
}
