import { Injectable } from '@nestjs/common';
import type { WhatsappProvider } from '@whatrack/shared';
import { sql } from 'kysely';
import { failedJobsRecordset } from '../../common/jobs/failed-jobs.sql';
import { failedJobSet, renewLeasesQuery } from '../../common/jobs/leased-jobs.sql';
import type { ClaimedJob, FailedJob, JobLease, JobQueue } from '../../common/jobs/job-queue';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import type { ReplyPayload } from './reply-payload';
import { claimReplies } from './whatsapp-outbox.sql';
import { type LeadScope, leadMessageIds } from '../leads/lead-scope.sql';

/** A reply the worker holds: the outbox row (a job of the runner) and where its message goes. */
export interface ClaimedReply extends ClaimedJob {
  organizationId: string;
  messageId: string;
  payload: ReplyPayload;
  instanceId: string;
  provider: WhatsappProvider;
  conversationId: string;
  leadPhone: string | null;
  providerPhoneNumberId: string | null;
  /** TokenCipher output: decrypt just before sending, never log. */
  accessTokenEncrypted: string | null;
  apiUrl: string | null;
  apiKeyEncrypted: string | null;
}

const LEASE: JobLease = { now: DummyValue.DATE, until: new Date(DummyValue.DATE.getTime() + 60_000) };
const WORKER = 'the replies worker delivers the outbox of every organization';
const KEY = { organizationId: DummyValue.UUID, messageId: DummyValue.UUID2 };

/**
 * The SQL of whatsapp_outbox, the replies outbox, and the job queue of the replies worker (JobQueue). Two
 * statements of WhatsappMessagesRepository also write it, to stay one round trip each: the reply's insert writes its
 * outbox row, and recordSent settles it when the provider accepted the reply.
 */
@Injectable()
export class WhatsappOutboxRepository implements JobQueue<ClaimedReply> {
  @GenerateSql({ params: [50, LEASE], crossTenant: WORKER })
  async claim(db: Db, limit: number, lease: JobLease): Promise<ClaimedReply[]> {
    const rows = await db.all(claimReplies({ limit, now: lease.now, until: lease.until }), {
      prepare: 'whatsapp_outbox.claim',
    });
    return rows.map((r) => ({
      ...r,
      provider: r.provider as WhatsappProvider,
      payload: r.payload as unknown as ReplyPayload,
    }));
  }

  /** The heartbeat: rows still being sent stay leased. */
  @GenerateSql({ params: [[DummyValue.UUID], LEASE], crossTenant: WORKER })
  async renewLeases(db: Db, ids: string[], lease: JobLease): Promise<void> {
    if (ids.length === 0) return;
    await db.run(renewLeasesQuery('whatsapp_outbox', ids, lease.until));
  }

  /**
   * Releases failed rows: pending again at their retry time, or failed for good, which also fails their message (the
   * last error as its title) in the same statement: an agent sees every reply that will not go.
   */
  @GenerateSql({
    params: [[{ id: DummyValue.UUID, error: 'boom', retryAt: DummyValue.DATE, dead: false }]],
    crossTenant: WORKER,
  })
  async fail(db: Db, failures: FailedJob[]): Promise<void> {
    if (failures.length === 0) return;
    await db.run(
      qb
        .with('settled', (q) =>
          q
            .updateTable('whatsapp_outbox as o')
            .from(failedJobsRecordset(failures))
            .set(failedJobSet())
            .whereRef('o.id', '=', 'r.id')
            .returning(['o.organization_id', 'o.message_id', 'r.dead', 'r.error']),
        )
        .updateTable('whatsapp_messages as m')
        .from('settled as s')
        .set((eb) => ({
          status: sql.lit('failed'),
          error_code: null,
          error_title: eb.fn('left', [eb.ref('s.error'), eb.lit(512)]),
          updated_at: sql`now()`,
        }))
        .whereRef('m.organization_id', '=', 's.organization_id')
        .whereRef('m.id', '=', 's.message_id')
        .where('s.dead', '=', true),
      { prepare: 'whatsapp_outbox.fail' },
    );
  }

  /** The reply is settled (sent, or failed for good by its provider): it leaves the queue. */
  @GenerateSql({ params: [{ ...KEY, status: 'sent', error: null }] })
  async settle(
    db: Db,
    row: { organizationId: string; messageId: string; status: 'sent' | 'failed'; error: string | null },
  ): Promise<void> {
    await db.run(
      qb
        .updateTable('whatsapp_outbox')
        .set({ status: row.status, last_error: row.error, lease_until: null, updated_at: sql`now()` })
        .where('organization_id', '=', row.organizationId)
        .where('message_id', '=', row.messageId),
      { prepare: 'whatsapp_outbox.settle' },
    );
  }

  /** A failed reply queued again by an agent (its attempts start over). */
  @GenerateSql({ params: [{ ...KEY, now: DummyValue.DATE }] })
  async requeue(db: Db, row: { organizationId: string; messageId: string; now: Date }): Promise<void> {
    await db.run(
      qb
        .updateTable('whatsapp_outbox')
        .set({
          status: sql.lit('pending'),
          attempts: 0,
          next_attempt_at: row.now,
          lease_until: null,
          last_error: null,
          updated_at: sql`now()`,
        })
        .where('organization_id', '=', row.organizationId)
        .where('message_id', '=', row.messageId),
    );
  }

  /**
   * Erasure: the outbox rows of the lead's messages lose their payload, and the ones not yet sent are given up
   * (failed), so the worker never sends them.
   */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2, now: DummyValue.DATE }] })
  eraseOfLead(db: Db, { now, ...scope }: LeadScope & { now: Date }): Promise<number> {
    return db.run(
      qb
        .updateTable('whatsapp_outbox')
        .set({
          payload: sql`'{}'::jsonb`,
          status: sql`CASE WHEN status = 'pending' THEN 'failed' ELSE status END`,
          last_error: sql`CASE WHEN status = 'pending' THEN 'cancelled: the lead was erased' ELSE last_error END`,
          lease_until: null,
          updated_at: now,
        })
        .where('organization_id', '=', scope.organizationId)
        .where('message_id', 'in', leadMessageIds(scope))
        .where((eb) => eb.or([eb('status', '=', 'pending'), eb('payload', '<>', sql<string>`'{}'::jsonb`)])),
    );
  }
}
