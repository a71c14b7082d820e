import { WhatsappProvider } from '@whatrack/shared';
import { sql } from 'kysely';
import { failedJobsRecordset } from '../../common/jobs/failed-jobs.sql';
import type { FailedJob, JobLease } from '../../common/jobs/job-queue';
import { qb } from '../../database/query-builder';
import { CLAIMED_COLUMNS, jsonb, NULL, status, timestamptz } from './webhook-events.sql';

/** The statements of WebhookEventsRepository that put events back in the queue: failures, admin retries, requeues. */

/** How far back a newly verified claim takes over the unroutable deliveries of its phone_number_id. */
const REQUEUE_WINDOW_MS = 7 * 24 * 3600_000;

/** Failed events: pending again at their retry time, or failed for good (still retryable by hand). */
export function failStatement(failures: FailedJob[]) {
  return qb
    .updateTable('webhook_events as e')
    .from(failedJobsRecordset(failures))
    .set((eb) => ({
      status: eb.case().when(eb.ref('r.dead')).then(status('failed')).else(status('pending')).end(),
      next_attempt_at: eb.ref('r.retry_at'),
      last_error: eb.ref('r.error'),
      locked_at: NULL,
      lease_until: NULL,
      updated_at: sql`now()`,
    }))
    .whereRef('e.id', '=', 'r.id');
}

/** One event processed again now, whatever its status (admin retry). */
export function reclaimStatement(id: string, lease: JobLease) {
  const now = timestamptz(lease.now);
  return qb
    .updateTable('webhook_events')
    .set({
      status: status('processing'),
      attempts: 1,
      locked_at: now,
      next_attempt_at: now,
      lease_until: timestamptz(lease.until),
      last_error: NULL,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .returning(CLAIMED_COLUMNS);
}

/** The unroutable Cloud API events of the last 7 days whose body carries the phone_number_id, unrouted again. */
export function requeueUnroutableCloudStatement(phoneNumberId: string, now: Date) {
  // Containment matches any entry and any change: {"entry":[{"changes":[{"value":{"metadata":{…}}}]}]}.
  const carrying = { entry: [{ changes: [{ value: { metadata: { phone_number_id: phoneNumberId } } }] }] };
  return qb
    .updateTable('webhook_events')
    .set({
      status: status('pending'),
      organization_id: null,
      instance_id: null,
      attempts: 0,
      next_attempt_at: timestamptz(now),
      processed_at: null,
      locked_at: null,
      last_error: null,
      updated_at: sql`now()`,
    })
    .where('status', '=', status('unroutable'))
    .where('provider', '=', sql.lit(WhatsappProvider.CLOUD_API))
    .where('received_at', '>', timestamptz(new Date(now.getTime() - REQUEUE_WINDOW_MS)))
    .where('body', '@>', jsonb(carrying));
}
