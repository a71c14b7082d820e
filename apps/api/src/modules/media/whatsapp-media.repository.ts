import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { failedJobsRecordset } from '../../common/jobs/failed-jobs.sql';
import { failedJobSet, renewLeasesQuery } from '../../common/jobs/leased-jobs.sql';
import type { ClaimedJob, FailedJob, JobLease, JobQueue } from '../../common/jobs/job-queue';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import type { DetectedMedia } from './media-detect';
import { type ClaimedMediaRow, claimMedia, enqueueMediaQuery, type MediaToQueue } from './whatsapp-media.sql';
import { type LeadScope, leadMessageIds } from '../leads/lead-scope.sql';

export type ClaimedMedia = ClaimedMediaRow & ClaimedJob;

/** A stored file, as the media route needs it. */
export interface StoredMediaRow {
  kind: string;
  storageKey: string;
  mimeType: string;
  fileName: string | null;
}

const LEASE: JobLease = { now: DummyValue.DATE, until: new Date(DummyValue.DATE.getTime() + 120_000) };
const WORKER = 'the media worker downloads the files of every organization';
const KEY = { organizationId: DummyValue.UUID, id: DummyValue.UUID2 };
const EXAMPLE_MEDIA: DetectedMedia = {
  kind: 'image',
  sourceMediaId: '1479537139650973',
  mimeType: 'image/jpeg',
  fileName: null,
  sha256: null,
  sizeBytes: null,
  voice: false,
  inline: false,
};

/** The SQL of whatsapp_media: media files, and the job queue of the media worker (JobQueue). */
@Injectable()
export class WhatsappMediaRepository implements JobQueue<ClaimedMedia> {
  /**
   * Queues the download of a stored message's file, found by its provider id; a no-op when it is queued already (a
   * redelivered webhook), so a file is downloaded once.
   */
  @GenerateSql({
    params: [
      {
        organizationId: DummyValue.UUID,
        instanceId: DummyValue.UUID2,
        providerMessageId: 'wamid.EXAMPLE',
        media: EXAMPLE_MEDIA,
        webhookEventId: null,
      },
    ],
  })
  async enqueue(db: Db, p: MediaToQueue): Promise<void> {
    await db.run(enqueueMediaQuery(p), { prepare: 'whatsapp_media.enqueue' });
  }

  @GenerateSql({ params: [50, LEASE], crossTenant: WORKER })
  async claim(db: Db, limit: number, lease: JobLease): Promise<ClaimedMedia[]> {
    return db.all(claimMedia({ limit, now: lease.now, until: lease.until }), { prepare: 'whatsapp_media.claim' });
  }

  @GenerateSql({ params: [[DummyValue.UUID], LEASE], crossTenant: WORKER })
  async renewLeases(db: Db, ids: string[], lease: JobLease): Promise<void> {
    if (ids.length === 0) return;
    await db.run(renewLeasesQuery('whatsapp_media', ids, lease.until));
  }

  /** Failed downloads: due again at their retry time, or failed for good (the chat says the file is missing). */
  @GenerateSql({
    params: [[{ id: DummyValue.UUID, error: 'boom', retryAt: DummyValue.DATE, dead: false }]],
    crossTenant: WORKER,
  })
  async fail(db: Db, failures: FailedJob[]): Promise<void> {
    if (failures.length === 0) return;
    await db.run(
      qb
        .updateTable('whatsapp_media as w')
        .from(failedJobsRecordset(failures))
        .set(failedJobSet())
        .whereRef('w.id', '=', 'r.id'),
      { prepare: 'whatsapp_media.fail' },
    );
  }

  /** The file is in the store: what it turned out to be. */
  @GenerateSql({
    params: [{ ...KEY, storageKey: 'k', mimeType: 'image/jpeg', sha256: 'ab', sizeBytes: 10, fileName: null }],
  })
  async markStored(
    db: Db,
    p: {
      organizationId: string;
      id: string;
      storageKey: string;
      mimeType: string;
      sha256: string;
      sizeBytes: number;
      fileName: string | null;
    },
  ): Promise<void> {
    await db.run(
      qb
        .updateTable('whatsapp_media')
        .set((eb) => ({
          status: sql.lit('stored'),
          storage_key: p.storageKey,
          mime_type: p.mimeType,
          sha256: p.sha256,
          size_bytes: p.sizeBytes,
          file_name: eb.fn.coalesce('file_name', sql<string | null>`left(${p.fileName}::varchar, 255)`),
          last_error: null,
          lease_until: null,
          updated_at: sql`now()`,
        }))
        .where('organization_id', '=', p.organizationId)
        .where('id', '=', p.id),
    );
  }

  /** Over the size limit or of a type not kept: given up at once, with the reason. */
  @GenerateSql({ params: [{ ...KEY, reason: 'too large', mimeType: null, sizeBytes: 10 }] })
  async refuse(
    db: Db,
    p: { organizationId: string; id: string; reason: string; mimeType: string | null; sizeBytes: number | null },
  ): Promise<void> {
    await db.run(
      qb
        .updateTable('whatsapp_media')
        .set((eb) => ({
          status: sql.lit('refused'),
          last_error: p.reason,
          mime_type: eb.fn.coalesce(sql<string | null>`left(${p.mimeType}::varchar, 255)`, 'mime_type'),
          size_bytes: eb.fn.coalesce(sql<number | null>`${p.sizeBytes}::bigint`, 'size_bytes'),
          lease_until: null,
          updated_at: sql`now()`,
        }))
        .where('organization_id', '=', p.organizationId)
        .where('id', '=', p.id),
    );
  }

  /**
   * The file Evolution put in the webhook (`message.base64` of the message with this key id), read from the stored
   * event: the webhook body is kept as received, so the file survives until it is in the store.
   */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, eventId: DummyValue.UUID2, keyId: 'ABC' }] })
  async inlineFile(db: Db, p: { organizationId: string; eventId: string; keyId: string }): Promise<string | null> {
    const row = await db.first(
      qb
        .selectFrom('webhook_events')
        .select(
          sql<string | null>`jsonb_path_query_first(body, '$.data ? (@.key.id == $id).message.base64',
            jsonb_build_object('id', ${p.keyId}::text)) #>> '{}'`.as('base64'),
        )
        .where('organization_id', '=', p.organizationId)
        .where('id', '=', p.eventId),
    );
    return row?.base64 ?? null;
  }

  /** A message's stored file (null when the message is another organization's, has none, or it is not stored). */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, messageId: DummyValue.UUID2 }] })
  async findStored(db: Db, p: { organizationId: string; messageId: string }): Promise<StoredMediaRow | null> {
    const row = await db.first(
      qb
        .selectFrom('whatsapp_media')
        .select(['kind', 'storage_key as storageKey', 'mime_type as mimeType', 'file_name as fileName'])
        .where('organization_id', '=', p.organizationId)
        .where('message_id', '=', p.messageId)
        .where('status', '=', sql.lit('stored')),
    );
    if (!row?.storageKey || !row.mimeType) return null;
    return { kind: row.kind, storageKey: row.storageKey, mimeType: row.mimeType, fileName: row.fileName };
  }

  /**
   * Erasure: the lead's files lose their storage key and name (kind, type, size and status stay); answers the keys
   * that held a file, to delete from the store once the transaction committed.
   */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2, now: DummyValue.DATE }] })
  async eraseOfLead(db: Db, { now, ...scope }: LeadScope & { now: Date }): Promise<string[]> {
    const rows = await db.all(
      qb
        .updateTable('whatsapp_media as md')
        .set({ storage_key: null, file_name: null, updated_at: now })
        .from(
          qb
            .selectFrom('whatsapp_media as old')
            .select(['old.id', 'old.storage_key'])
            .where('old.organization_id', '=', scope.organizationId)
            .where('old.message_id', 'in', leadMessageIds(scope))
            .where((eb) => eb.or([eb('old.storage_key', 'is not', null), eb('old.file_name', 'is not', null)]))
            .forUpdate()
            .as('before'),
        )
        .whereRef('md.id', '=', 'before.id')
        .where('md.organization_id', '=', scope.organizationId)
        .returning('before.storage_key as storageKey'),
    );
    return rows.flatMap((r) => (r.storageKey === null ? [] : [r.storageKey]));
  }
}
