import type { WhatsappProvider } from '@whatrack/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { ProcessingResult, StoredEvent } from './webhook-processor';
import { queryPrepared } from '../../common/sql/prepared-query';

export const MAX_ATTEMPTS = 8;

interface EventRow {
  id: string;
  provider: WhatsappProvider;
  organization_id: string | null;
  instance_id: string | null;
  body: unknown;
  received_at: Date;
}

const EVENT_COLUMNS = 'id, provider, organization_id, instance_id, body, received_at';

function toEvent(row: EventRow): StoredEvent {
  return {
    id: row.id,
    provider: row.provider,
    organizationId: row.organization_id,
    instanceId: row.instance_id,
    body: row.body,
    receivedAt: row.received_at,
  };
}

/**
 * Claims up to `limit` due events (FOR UPDATE SKIP LOCKED, so several workers share the work) and returns them
 * with their bodies, oldest first: one round trip per batch.
 */
export async function claimDueEvents(db: DataSource, limit: number, leaseSeconds: number): Promise<StoredEvent[]> {
  // Wrapped in a CTE so the driver returns the rows (a bare UPDATE … RETURNING comes back as [rows, count]).
  const rows = await queryPrepared<EventRow>(
    db.manager,
    `WITH claimed AS (
       UPDATE webhook_events SET status = 'processing', attempts = attempts + 1, locked_at = now(),
         lease_until = now() + make_interval(secs => $2), updated_at = now()
       WHERE id IN (
         SELECT id FROM webhook_events
         WHERE (status = 'pending' AND next_attempt_at <= now())
            OR (status = 'processing' AND lease_until < now())
         ORDER BY next_attempt_at, received_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING ${EVENT_COLUMNS})
     SELECT ${EVENT_COLUMNS} FROM claimed ORDER BY received_at`,
    [limit, leaseSeconds],
  );
  return rows.map(toEvent);
}

/**
 * The heartbeat of a worker still working on `ids`: their claims last another lease. Rows its own transaction
 * is finishing are skipped (SKIP LOCKED), not waited for; they stop being "processing" at its commit anyway.
 */
export async function renewLeases(db: DataSource, ids: string[], leaseSeconds: number): Promise<void> {
  if (ids.length === 0) return;
  await queryPrepared(
    db.manager,
    `UPDATE webhook_events SET lease_until = now() + make_interval(secs => $2)
     WHERE id IN (SELECT id FROM webhook_events WHERE id = ANY($1::uuid[]) AND status = 'processing'
                  FOR UPDATE SKIP LOCKED)`,
    [ids, leaseSeconds],
  );
}

/** Marks one event as being processed again now, whatever its status (admin retry), and returns it. */
export async function reclaimEvent(db: DataSource, id: string, leaseSeconds: number): Promise<StoredEvent | null> {
  const [row] = await queryPrepared<EventRow>(
    db.manager,
    `WITH claimed AS (
       UPDATE webhook_events SET status = 'processing', attempts = 1, locked_at = now(), next_attempt_at = now(),
         lease_until = now() + make_interval(secs => $2), last_error = NULL, updated_at = now()
       WHERE id = $1 RETURNING ${EVENT_COLUMNS})
     SELECT * FROM claimed`,
    [id, leaseSeconds],
  );
  return row ? toEvent(row) : null;
}

/**
 * Records the outcome of processed events in one statement, inside the transaction that applied them. An unroutable
 * event belongs to nobody, even if intake filed it under a claim that was the only one then: its body is a message
 * that organization may not receive.
 */
export async function markHandled(
  m: EntityManager,
  outcomes: { id: string; result: ProcessingResult }[],
): Promise<void> {
  if (outcomes.length === 0) return;
  const rows = outcomes.map(({ id, result }) => ({
    id,
    status: result.status,
    organization_id: result.organizationId,
    instance_id: result.instanceId,
  }));
  await queryPrepared(
    m,
    `UPDATE webhook_events e
     SET status = r.status,
         organization_id = CASE WHEN r.status = 'unroutable' THEN NULL ELSE COALESCE(r.organization_id, e.organization_id) END,
         instance_id = CASE WHEN r.status = 'unroutable' THEN NULL ELSE COALESCE(r.instance_id, e.instance_id) END,
         processed_at = now(), locked_at = NULL, lease_until = NULL,
         last_error = NULL, updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, status varchar, organization_id uuid, instance_id uuid)
     WHERE e.id = r.id`,
    [JSON.stringify(rows)],
  );
}

/** How far back a newly verified claim takes over the unroutable deliveries of its phone_number_id. */
const REQUEUE_WINDOW = '7 days';

/**
 * Queues again, unrouted, the unroutable Cloud API events of the last REQUEUE_WINDOW whose body carries the
 * phone_number_id, so they are routed afresh: a claim verified after competing claims made its deliveries unroutable
 * loses no message. Answers how many.
 */
export async function requeueUnroutableCloudEvents(m: EntityManager, phoneNumberId: string): Promise<number> {
  // Containment matches any entry and any change: {"entry":[{"changes":[{"value":{"metadata":{…}}}]}]}.
  const carrying = JSON.stringify({
    entry: [{ changes: [{ value: { metadata: { phone_number_id: phoneNumberId } } }] }],
  });
  const rows = await m.query<unknown[]>(
    `WITH requeued AS (
       UPDATE webhook_events
       SET status = 'pending', organization_id = NULL, instance_id = NULL, attempts = 0, next_attempt_at = now(),
           processed_at = NULL, locked_at = NULL, last_error = NULL, updated_at = now()
       WHERE status = 'unroutable' AND provider = 'cloud_api' AND received_at > now() - interval '${REQUEUE_WINDOW}'
         AND body @> $1::jsonb
       RETURNING id)
     SELECT id FROM requeued`,
    [carrying],
  );
  return rows.length;
}

/** Schedules a failed event for a retry with exponential backoff, or fails it for good (still retryable by hand). */
export async function recordFailure(db: DataSource, id: string, message: string, permanent: boolean): Promise<void> {
  await queryPrepared(
    db.manager,
    `UPDATE webhook_events
     SET status = CASE WHEN $2 OR attempts >= $3 THEN 'failed' ELSE 'pending' END,
         -- Exponential backoff: 5 s, 10 s, 20 s, ... capped at one hour.
         next_attempt_at = now() + make_interval(secs => LEAST($4 * power(2, GREATEST(attempts - 1, 0)), 3600)),
         last_error = $5, locked_at = NULL, lease_until = NULL, updated_at = now()
     WHERE id = $1`,
    [id, permanent, MAX_ATTEMPTS, 5, message.slice(0, 2000)],
  );
}
