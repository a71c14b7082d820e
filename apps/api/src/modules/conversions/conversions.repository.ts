import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { DateInterval } from '../../common/date-range/date-range';
import { failedJobsRecordset } from '../../common/jobs/failed-jobs.sql';
import { failedJobSet, renewLeasesQuery } from '../../common/jobs/leased-jobs.sql';
import type { FailedJob, JobLease, JobQueue } from '../../common/jobs/job-queue';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import { firstStageEntries, hasClickIdOf, salesWithClickId } from './conversion-candidates.sql';
import {
  type ClaimedConversion,
  CONVERSION_COLUMNS,
  type ConversionFilter,
  type ConversionRow,
  type NewConversion,
  toConversion,
} from './conversions.sql';
import { type LeadScope, leadTicketIds } from '../leads/lead-scope.sql';

const ORG = DummyValue.UUID;
const LEASE: JobLease = { now: DummyValue.DATE, until: new Date(DummyValue.DATE.getTime() + 60_000) };
const PERIOD: DateInterval = { from: DummyValue.DATE, to: new Date(DummyValue.DATE.getTime() + 86_400_000) };
/** Meta rejects events older than 7 days (and then the whole batch): such conversions are skipped. */
const MAX_EVENT_AGE_MS = 7 * 24 * 3600_000;
const WORKER = 'the conversions worker delivers the outbox of every organization';
const OLDEST_SENDABLE = 'The event is more than 7 days old: Meta no longer accepts it';
const SALE_DELETED = 'The sale was deleted before it was sent';

/**
 * The only SQL of conversions, the outbox of ad-platform conversions, and the job queue of its worker (JobQueue:
 * the claim reads meta_settings to take only organizations with Meta enabled). The previews and the Google Ads file
 * read sales, ticket_events, tickets and the trackings (conversion-candidates.sql.ts): they answer the conversions a
 * period would hold, so they live here.
 */
@Injectable()
export class ConversionsRepository implements JobQueue<ClaimedConversion> {
  /** Queues a conversion; a second one with the same (organization, event id) is a no-op (ON CONFLICT). */
  @GenerateSql({
    params: [
      {
        organizationId: ORG,
        ticketId: DummyValue.UUID2,
        saleId: null,
        kind: 'stage',
        eventName: 'Lead',
        eventId: 'stage:x:y',
        eventTime: DummyValue.DATE,
        value: 10,
        currency: 'BRL',
        ctwaClid: 'CTWA',
        nextAttemptAt: DummyValue.DATE,
        payload: {},
      },
    ],
  })
  async insert(db: Db, c: NewConversion): Promise<void> {
    await db.run(
      qb
        .insertInto('conversions')
        .values({
          organization_id: c.organizationId,
          ticket_id: c.ticketId,
          sale_id: c.saleId,
          kind: c.kind,
          event_name: c.eventName,
          event_id: c.eventId,
          event_time: c.eventTime,
          value: c.value,
          currency: c.currency,
          ctwa_clid: c.ctwaClid,
          status: 'pending',
          next_attempt_at: c.nextAttemptAt,
          payload: sql`${JSON.stringify(c.payload)}::jsonb`,
        })
        .onConflict((oc) => oc.columns(['organization_id', 'event_id']).doNothing()),
    );
  }

  /** A page of the organization's conversions, newest first, and their total. */
  @GenerateSql(
    { name: 'all', params: [{ organizationId: ORG, limit: 20, offset: 0 }] },
    {
      name: 'filtered',
      params: [{ organizationId: ORG, status: 'sent', kind: 'purchase', ticketId: ORG, limit: 20, offset: 0 }],
    },
  )
  async list(db: Db, filter: ConversionFilter): Promise<{ items: ConversionRow[]; total: number }> {
    const matching = qb
      .selectFrom('conversions')
      .where('organization_id', '=', filter.organizationId)
      .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
      .$if(filter.kind !== undefined, (q) => q.where('kind', '=', filter.kind!))
      .$if(filter.ticketId !== undefined, (q) => q.where('ticket_id', '=', filter.ticketId!));
    const rows = await db.all(
      matching
        .select(CONVERSION_COLUMNS)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit)
        .offset(filter.offset),
    );
    const { total } = await db.one(matching.select((eb) => eb.fn.countAll<number>().as('total')));
    return { items: rows.map(toConversion), total };
  }

  /** Skips the pending rows Meta would refuse: events more than 7 days old, purchases whose sale was deleted. */
  @GenerateSql({ params: [DummyValue.DATE], crossTenant: WORKER })
  async sweep(db: Db, now: Date): Promise<number> {
    const oldest = new Date(now.getTime() - MAX_EVENT_AGE_MS);
    return db.run(
      qb
        .updateTable('conversions')
        .set((eb) => {
          const orphan = eb.and([eb('kind', '=', 'purchase'), eb('sale_id', 'is', null)]);
          return {
            status: 'skipped',
            updated_at: sql`now()`,
            last_error: eb.case().when(orphan).then(SALE_DELETED).else(OLDEST_SENDABLE).end(),
          };
        })
        .where('status', '=', 'pending')
        .where((eb) =>
          eb.or([eb.and([eb('kind', '=', 'purchase'), eb('sale_id', 'is', null)]), eb('event_time', '<', oldest)]),
        ),
    );
  }

  /**
   * Leases up to `limit` due rows of organizations with Meta enabled (pending, due, and held by no live lease),
   * counting the attempt; FOR UPDATE SKIP LOCKED, so replicas share the outbox.
   */
  @GenerateSql({ params: [500, LEASE], crossTenant: WORKER })
  async claim(db: Db, limit: number, lease: JobLease): Promise<ClaimedConversion[]> {
    const rows = await db.all(
      qb
        .updateTable('conversions as c')
        .set((eb) => ({ attempts: eb('c.attempts', '+', eb.lit(1)), lease_until: lease.until, updated_at: sql`now()` }))
        .where('c.id', 'in', (eb) =>
          eb
            .selectFrom('conversions as d')
            .innerJoin('meta_settings as ms', (j) =>
              j.onRef('ms.organization_id', '=', 'd.organization_id').on('ms.enabled', '=', true),
            )
            .select('d.id')
            .where('d.status', '=', 'pending')
            .where('d.next_attempt_at', '<=', lease.now)
            .where((w) => w.or([w('d.lease_until', 'is', null), w('d.lease_until', '<', lease.now)]))
            .orderBy('d.next_attempt_at')
            .orderBy('d.id')
            .limit(limit)
            .forUpdate('d')
            .skipLocked(),
        )
        .returning(['c.id', 'c.organization_id', 'c.payload', 'c.attempts']),
    );
    return rows.map((r) => ({
      id: r.id,
      organizationId: r.organization_id,
      payload: r.payload as unknown as ClaimedConversion['payload'],
      attempts: r.attempts,
    }));
  }

  /** The heartbeat: rows still being sent stay leased (rows already settled hold no lease and are left alone). */
  @GenerateSql({ params: [[DummyValue.UUID], LEASE], crossTenant: WORKER })
  async renewLeases(db: Db, ids: string[], lease: JobLease): Promise<void> {
    if (ids.length === 0) return;
    await db.run(renewLeasesQuery('conversions', ids, lease.until));
  }

  @GenerateSql({ params: [[DummyValue.UUID], DummyValue.DATE], crossTenant: WORKER })
  async markSent(db: Db, ids: string[], sentAt: Date): Promise<void> {
    await db.run(
      qb
        .updateTable('conversions')
        .set({ status: 'sent', sent_at: sentAt, last_error: null, lease_until: null, updated_at: sql`now()` })
        .where('id', '=', sql<string>`ANY(${ids}::uuid[])`),
    );
  }

  /** Releases failed rows: pending again at their retry time, or failed for good with the error kept. */
  @GenerateSql({
    params: [[{ id: DummyValue.UUID, error: 'boom', retryAt: DummyValue.DATE, dead: false }]],
    crossTenant: WORKER,
  })
  async fail(db: Db, failures: FailedJob[]): Promise<void> {
    if (failures.length === 0) return;
    await db.run(
      qb
        .updateTable('conversions as c')
        .from(failedJobsRecordset(failures))
        .set(failedJobSet())
        .whereRef('c.id', '=', 'r.id'),
    );
  }

  /** The period's sales of tickets with a ctwaclid, newest first: the Purchase events the outbox would hold. */
  @GenerateSql({ params: [{ organizationId: ORG, interval: PERIOD, limit: 1000 }] })
  async previewSales(db: Db, q: { organizationId: string; interval: DateInterval; limit: number }) {
    return db.all(
      salesWithClickId(q.organizationId, 'ctwaclid', q.interval)
        .select(['s.id', 's.value', 's.sold_at', 'i.value as ctwa_clid'])
        .orderBy('s.sold_at', 'desc')
        .orderBy('s.id', 'desc')
        .limit(q.limit),
    );
  }

  /** The period's first entries of tickets with a ctwaclid into the rule's stage, newest first. */
  @GenerateSql({ params: [{ organizationId: ORG, stageId: DummyValue.UUID2, interval: PERIOD, limit: 1000 }] })
  async previewStageEntries(
    db: Db,
    q: { organizationId: string; stageId: string; interval: DateInterval; limit: number },
  ) {
    return db.all(
      firstStageEntries(q.organizationId, q.stageId, q.interval).orderBy('f.entered_at', 'desc').limit(q.limit),
    );
  }

  /**
   * The period's sales whose ticket carries a click id of `variant` and none of the `preceding` variants, oldest
   * first: the rows of a Google Ads offline conversion file.
   */
  @GenerateSql(
    { name: 'gclid', params: [{ organizationId: ORG, variant: 'gclid', preceding: [], interval: PERIOD }] },
    {
      name: 'wbraid',
      params: [{ organizationId: ORG, variant: 'wbraid', preceding: ['gclid', 'gbraid'], interval: {} }],
    },
  )
  async googleAdsSales(
    db: Db,
    q: { organizationId: string; variant: string; preceding: string[]; interval: DateInterval },
  ) {
    return db.all(
      salesWithClickId(q.organizationId, q.variant, q.interval)
        .$if(q.preceding.length > 0, (s) => s.where((eb) => eb.not(eb.exists(hasClickIdOf(q.preceding)))))
        .select(['i.value as click_id', 's.value', 's.sold_at'])
        .orderBy('s.sold_at', 'asc')
        .orderBy('s.id', 'asc'),
    );
  }

  /** The conversions of the lead's tickets, sent or queued, oldest first (the privacy export). */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2 }] })
  listOfLead(db: Db, scope: LeadScope) {
    return db.all(
      qb
        .selectFrom('conversions')
        .select([
          'id',
          'ticket_id as ticketId',
          'sale_id as saleId',
          'kind',
          'event_name as eventName',
          'event_time as eventTime',
          'value',
          'currency',
          'status',
          'sent_at as sentAt',
          'payload',
        ])
        .where('organization_id', '=', scope.organizationId)
        .where('ticket_id', 'in', leadTicketIds(scope))
        .orderBy('created_at')
        .orderBy('id'),
    );
  }

  /**
   * Erasure: a conversion not sent yet is dropped (nothing about the person leaves after the erasure); a sent one
   * keeps its row for the history, with its payload (hashed contact data, click id) emptied.
   */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2, now: DummyValue.DATE }] })
  async eraseOfLead(db: Db, { now, ...scope }: LeadScope & { now: Date }): Promise<{ dropped: number }> {
    const dropped = await db.run(
      qb
        .deleteFrom('conversions')
        .where('organization_id', '=', scope.organizationId)
        .where('ticket_id', 'in', leadTicketIds(scope))
        .where('status', '<>', 'sent'),
    );
    await db.run(
      qb
        .updateTable('conversions')
        .set({ payload: sql`'{}'::jsonb`, ctwa_clid: '', updated_at: now })
        .where('organization_id', '=', scope.organizationId)
        .where('ticket_id', 'in', leadTicketIds(scope))
        .where('payload', '<>', sql<string>`'{}'::jsonb`),
    );
    return { dropped };
  }
}
