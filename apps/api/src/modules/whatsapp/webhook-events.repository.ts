import { Injectable } from '@nestjs/common';
import { WhatsappProvider } from '@whatrack/shared';
import { sql } from 'kysely';
import type { FailedJob, JobLease, JobQueue } from '../../common/jobs/job-queue';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import { claimStatement, insertCloudStatement, insertStatement, markHandledStatement } from './webhook-event-queue.sql';
import { failStatement, reclaimStatement, requeueUnroutableCloudStatement } from './webhook-event-retry.sql';
import type { WebhookEventStatus } from './entities/webhook-event.entity';
import type { ProcessingResult } from './webhook-processor';
import {
  type ClaimedEvent,
  jsonText,
  status,
  timestamptz,
  toClaimed,
  toView,
  VIEW_COLUMNS,
  type WebhookEventView,
} from './webhook-events.sql';

const LEASE: JobLease = { now: DummyValue.DATE, until: new Date(DummyValue.DATE.getTime() + 30_000) };
const INTAKE = 'webhook intake stores an event before it is routed to any organization';
const CLAIM = 'the worker claims due events of every organization';
const BY_ID = 'event ids come from a claim (cross-tenant) or from an organization-checked lookup';

/**
 * The only SQL of webhook_events, a NON-tenant intake table: an event is stored before it is routed, and the worker
 * claims across organizations (organization_id is where a routed event is filed, for the admin log). It is also the
 * job queue of the webhook worker (JobQueue: claim, lease renewal, failure). Intake's INSERT reads the routing claim
 * of whatsapp_instances in the same statement (cloudClaimRouteQuery): one round trip per request.
 */
@Injectable()
export class WebhookEventsRepository implements JobQueue<ClaimedEvent> {
  /** Stores a Cloud API delivery, filed under the instance its phone_number_id routes to (if any). */
  @GenerateSql({
    params: [{ phoneNumberId: '109876543210987', headers: {}, body: {}, now: DummyValue.DATE }],
    crossTenant: INTAKE,
  })
  async insertCloud(
    db: Db,
    event: { phoneNumberId: string | null; headers: Record<string, string>; body: unknown; now: Date },
  ): Promise<void> {
    await db.run(
      insertCloudStatement({
        phoneNumberId: event.phoneNumberId,
        headers: jsonText(event.headers),
        body: jsonText(event.body),
        now: event.now,
      }),
      { prepare: 'webhook_events.insertCloud' },
    );
  }

  /** Stores a delivery already routed to its instance (Evolution API: the URL names it). */
  @GenerateSql({
    params: [
      {
        provider: WhatsappProvider.EVOLUTION,
        organizationId: DummyValue.UUID,
        instanceId: DummyValue.UUID2,
        headers: {},
        body: {},
        now: DummyValue.DATE,
      },
    ],
  })
  async insert(
    db: Db,
    event: {
      provider: WhatsappProvider;
      organizationId: string;
      instanceId: string;
      headers: Record<string, string>;
      body: unknown;
      now: Date;
    },
  ): Promise<void> {
    await db.run(
      insertStatement({
        provider: event.provider,
        organizationId: event.organizationId,
        instanceId: event.instanceId,
        headers: jsonText(event.headers),
        body: jsonText(event.body),
        now: event.now,
      }),
      { prepare: 'webhook_events.insert' },
    );
  }

  /**
   * Claims up to `limit` due events (pending and due, or processing under a lease that ran out) with FOR UPDATE SKIP
   * LOCKED, and returns them with their bodies, oldest first: one round trip per batch.
   */
  @GenerateSql({ params: [25, LEASE], crossTenant: CLAIM })
  async claim(db: Db, limit: number, lease: JobLease): Promise<ClaimedEvent[]> {
    const rows = await db.all(claimStatement(limit, lease), { prepare: 'webhook_events.claim' });
    return rows.map(toClaimed);
  }

  /**
   * The heartbeat of a worker still working on `ids`: their claims last until `lease.until`. Rows its own
   * transaction is finishing are skipped (SKIP LOCKED), not waited for; they stop being "processing" at its commit.
   */
  @GenerateSql({ params: [[DummyValue.UUID], LEASE], crossTenant: CLAIM })
  async renewLeases(db: Db, ids: string[], lease: JobLease): Promise<void> {
    if (ids.length === 0) return;
    await db.run(
      qb
        .updateTable('webhook_events')
        .set({ lease_until: timestamptz(lease.until) })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('webhook_events')
            .select('id')
            .where('id', '=', sql<string>`ANY(${ids}::uuid[])`)
            .where('status', '=', status('processing'))
            .forUpdate()
            .skipLocked(),
        ),
      { prepare: 'webhook_events.renewLeases' },
    );
  }

  /** Marks one event as being processed again now, whatever its status (admin retry), and returns it. */
  @GenerateSql({ params: [DummyValue.UUID, LEASE], crossTenant: BY_ID })
  async reclaim(db: Db, id: string, lease: JobLease): Promise<ClaimedEvent | null> {
    const row = await db.first(reclaimStatement(id, lease), { prepare: 'webhook_events.reclaim' });
    return row ? toClaimed(row) : null;
  }

  /**
   * Records the outcome of processed events in one statement, inside the transaction that applied them. An unroutable
   * event belongs to nobody, even if intake filed it under a claim that was the only one then: its body is a message
   * that organization may not receive.
   */
  @GenerateSql({
    params: [
      [
        {
          id: DummyValue.UUID,
          result: { status: 'processed', organizationId: null, instanceId: null, touched: [], rejections: [] },
        },
      ],
      DummyValue.DATE,
    ],
    crossTenant: CLAIM,
  })
  async markHandled(db: Db, outcomes: { id: string; result: ProcessingResult }[], now: Date): Promise<void> {
    if (outcomes.length === 0) return;
    await db.run(markHandledStatement(outcomes, now), { prepare: 'webhook_events.markHandled' });
  }

  /** Releases failed events: pending again at their retry time, or failed for good (still retryable by hand). */
  @GenerateSql({
    params: [[{ id: DummyValue.UUID, error: 'boom', retryAt: DummyValue.DATE, dead: false }]],
    crossTenant: CLAIM,
  })
  async fail(db: Db, failures: FailedJob[]): Promise<void> {
    if (failures.length === 0) return;
    await db.run(failStatement(failures), { prepare: 'webhook_events.fail' });
  }

  /**
   * Queues again, unrouted, the unroutable Cloud API events of the last 7 days whose body carries the
   * phone_number_id, so they are routed afresh: a claim verified after competing claims made its deliveries
   * unroutable loses no message. Answers how many.
   */
  @GenerateSql({
    params: ['109876543210987', DummyValue.DATE],
    crossTenant: 'unroutable events belong to no organization',
  })
  async requeueUnroutableCloud(db: Db, phoneNumberId: string, now: Date): Promise<number> {
    return db.run(requeueUnroutableCloudStatement(phoneNumberId, now));
  }

  /** A page of the organization's events (routed to one of its instances), newest first, and their total. */
  @GenerateSql(
    { name: 'all', params: [{ organizationId: DummyValue.UUID, limit: 20, offset: 0 }] },
    { name: 'by status', params: [{ organizationId: DummyValue.UUID, status: 'failed', limit: 20, offset: 0 }] },
  )
  async list(
    db: Db,
    filter: { organizationId: string; status?: WebhookEventStatus; limit: number; offset: number },
  ): Promise<{ items: WebhookEventView[]; total: number }> {
    const matching = qb
      .selectFrom('webhook_events')
      .where('organization_id', '=', filter.organizationId)
      .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!));
    const rows = await db.all(
      matching
        .select(VIEW_COLUMNS)
        .orderBy('received_at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit)
        .offset(filter.offset),
    );
    const { total } = await db.one(matching.select((eb) => eb.fn.countAll<number>().as('total')));
    return { items: rows.map(toView), total };
  }

  /** One event of the organization, or null. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, id: DummyValue.UUID2 }] })
  async find(db: Db, key: { organizationId: string; id: string }): Promise<WebhookEventView | null> {
    const row = await db.first(
      qb
        .selectFrom('webhook_events')
        .select(VIEW_COLUMNS)
        .where('organization_id', '=', key.organizationId)
        .where('id', '=', key.id),
    );
    return row ? toView(row) : null;
  }
}
