import { Injectable } from '@nestjs/common';
import type { WebhookDeliveryStatus } from '@whatrack/shared';
import { sql } from 'kysely';
import { failedJobsRecordset } from '../../common/jobs/failed-jobs.sql';
import type { ClaimedJob, FailedJob, JobLease, JobQueue } from '../../common/jobs/job-queue';
import { dueRowIds, failedJobSet, leaseSet, renewLeasesQuery } from '../../common/jobs/leased-jobs.sql';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import type { WebhookAttempt } from './entities/webhook-delivery.entity';

/** A delivery the worker holds, with where it goes and the subscription's secret (still encrypted). */
export interface ClaimedDelivery extends ClaimedJob {
  organizationId: string;
  subscriptionId: string;
  eventType: string;
  payload: unknown;
  url: string;
  active: boolean;
  secretEncrypted: string;
}

export interface WebhookDeliveryRow {
  id: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  createdAt: Date;
  attemptLog: WebhookAttempt[];
}

/** An attempt's outcome as the worker writes it on its delivery. */
export interface AttemptRecord {
  organizationId: string;
  id: string;
  attempt: WebhookAttempt;
}

const LEASE: JobLease = { now: DummyValue.DATE, until: new Date(DummyValue.DATE.getTime() + 60_000) };
const WORKER = 'the webhooks worker delivers the queue of every organization';
const ATTEMPT: WebhookAttempt = { at: DummyValue.DATE.toISOString(), statusCode: 500, error: 'boom', durationMs: 12 };
const KEY = { organizationId: DummyValue.UUID, id: DummyValue.UUID2 };

const ROW_COLUMNS = [
  'id',
  'event_id as eventId',
  'event_type as eventType',
  'status',
  'attempts',
  'last_status_code as lastStatusCode',
  'last_error as lastError',
  'last_attempt_at as lastAttemptAt',
  'next_attempt_at as nextAttemptAt',
  'delivered_at as deliveredAt',
  'created_at as createdAt',
  'attempt_log as attemptLog',
] as const;

function toRow<R extends { status: string; attemptLog: unknown }>(
  r: R,
): Omit<R, 'status' | 'attemptLog'> & { status: WebhookDeliveryStatus; attemptLog: WebhookAttempt[] } {
  return { ...r, status: r.status as WebhookDeliveryStatus, attemptLog: r.attemptLog as WebhookAttempt[] };
}

/**
 * The SQL of webhook_deliveries and the job queue of the webhooks worker (JobQueue). Rows are written by the
 * trigger of migration Webhooks (events) and by insertPing (a test).
 */
@Injectable()
export class WebhookDeliveriesRepository implements JobQueue<ClaimedDelivery> {
  /** Leases due rows with FOR UPDATE SKIP LOCKED (replicas share the queue), with their subscription's target. */
  @GenerateSql({ params: [20, LEASE], crossTenant: WORKER })
  async claim(db: Db, limit: number, lease: JobLease): Promise<ClaimedDelivery[]> {
    return db.all(
      qb
        .with('claimed', (q) =>
          q
            .updateTable('webhook_deliveries as l')
            .set(leaseSet(lease.until))
            .where('l.id', 'in', dueRowIds('webhook_deliveries', { limit, now: lease.now, until: lease.until }))
            .returning(['l.id', 'l.attempts', 'l.organization_id', 'l.subscription_id', 'l.event_type', 'l.payload']),
        )
        .selectFrom('claimed as c')
        .innerJoin('webhook_subscriptions as s', (j) =>
          j.onRef('s.organization_id', '=', 'c.organization_id').onRef('s.id', '=', 'c.subscription_id'),
        )
        .select([
          'c.id',
          'c.attempts',
          'c.organization_id as organizationId',
          'c.subscription_id as subscriptionId',
          'c.event_type as eventType',
          'c.payload',
          's.url',
          's.active',
          's.secret_encrypted as secretEncrypted',
        ]),
    );
  }

  @GenerateSql({ params: [[DummyValue.UUID], LEASE], crossTenant: WORKER })
  async renewLeases(db: Db, ids: string[], lease: JobLease): Promise<void> {
    if (ids.length === 0) return;
    await db.run(renewLeasesQuery('webhook_deliveries', ids, lease.until));
  }

  /** Releases failed rows: pending again at their retry time, or failed for good (the attempt was logged already). */
  @GenerateSql({
    params: [[{ id: DummyValue.UUID, error: 'boom', retryAt: DummyValue.DATE, dead: false }]],
    crossTenant: WORKER,
  })
  async fail(db: Db, failures: FailedJob[]): Promise<void> {
    if (failures.length === 0) return;
    await db.run(
      qb
        .updateTable('webhook_deliveries as d')
        .from(failedJobsRecordset(failures))
        .set(failedJobSet())
        .whereRef('d.id', '=', 'r.id'),
    );
  }

  /** Logs an attempt on its delivery; `delivered` settles it (2xx), otherwise the runner's fail() reschedules it. */
  @GenerateSql({ params: [{ ...KEY, attempt: ATTEMPT }, true, DummyValue.DATE] })
  async recordAttempt(db: Db, record: AttemptRecord, delivered: boolean, now: Date): Promise<void> {
    const { attempt } = record;
    await db.run(
      qb
        .updateTable('webhook_deliveries')
        .set((eb) => ({
          attempt_log: sql`${eb.ref('attempt_log')} || ${JSON.stringify([attempt])}::jsonb`,
          last_status_code: attempt.statusCode,
          last_error: attempt.error,
          last_attempt_at: new Date(attempt.at),
          updated_at: now,
          ...(delivered && {
            status: 'delivered',
            delivered_at: now,
            lease_until: null,
          }),
        }))
        .where('organization_id', '=', record.organizationId)
        .where('id', '=', record.id),
    );
  }

  /** Pending deliveries of a paused subscription (or one the subscriber said is gone) stop. */
  @GenerateSql({
    params: [{ organizationId: DummyValue.UUID, subscriptionId: DummyValue.UUID2 }, 'paused', DummyValue.DATE],
  })
  async cancelPending(
    db: Db,
    key: { organizationId: string; subscriptionId: string },
    reason: string,
    now: Date,
  ): Promise<number> {
    return db.run(
      qb
        .updateTable('webhook_deliveries')
        .set({ status: 'canceled', last_error: reason, lease_until: null, updated_at: now })
        .where('organization_id', '=', key.organizationId)
        .where('subscription_id', '=', key.subscriptionId)
        .where('status', '=', 'pending'),
    );
  }

  /** A test delivery ("send test"): the body is built by the caller. */
  @GenerateSql({
    params: [
      { organizationId: DummyValue.UUID, subscriptionId: DummyValue.UUID2, eventId: DummyValue.UUID, payload: {} },
    ],
  })
  async insertPing(
    db: Db,
    row: { organizationId: string; subscriptionId: string; eventId: string; payload: unknown },
  ): Promise<WebhookDeliveryRow> {
    const inserted = await db.one(
      qb
        .insertInto('webhook_deliveries')
        .values({
          organization_id: row.organizationId,
          subscription_id: row.subscriptionId,
          event_id: row.eventId,
          event_type: 'ping',
          payload: JSON.stringify(row.payload),
        })
        .returning(ROW_COLUMNS),
    );
    return toRow(inserted);
  }

  /** Newest first, `limit` of them, older than `before` when given (ids are time-ordered). */
  @GenerateSql({
    params: [{ organizationId: DummyValue.UUID, subscriptionId: DummyValue.UUID2, before: DummyValue.UUID, limit: 20 }],
  })
  async list(
    db: Db,
    q: { organizationId: string; subscriptionId: string; before?: string; limit: number },
  ): Promise<WebhookDeliveryRow[]> {
    let query = qb
      .selectFrom('webhook_deliveries')
      .select(ROW_COLUMNS)
      .where('organization_id', '=', q.organizationId)
      .where('subscription_id', '=', q.subscriptionId);
    if (q.before) query = query.where('id', '<', q.before);
    const rows = await db.all(query.orderBy('id', 'desc').limit(q.limit));
    return rows.map(toRow);
  }
}
