import { type Kysely, sql } from 'kysely';
import { qb } from '../../database/query-builder';

/** Tables a JobRunner worker leases rows of: pending until done, due at next_attempt_at, held until lease_until. */
export type LeasedTable = 'whatsapp_outbox' | 'whatsapp_media' | 'conversions' | 'webhook_deliveries';

/** The columns every leased table has, so one claim serves them all. */
interface LeasedColumns {
  id: string;
  status: string;
  next_attempt_at: Date;
  lease_until: Date | null;
}

const leasedQb = qb as unknown as Kysely<Record<LeasedTable, LeasedColumns>>;

export interface LeaseWindow {
  limit: number;
  now: Date;
  until: Date;
}

/**
 * The ids a claim leases: pending, due and held by no live lease, oldest due first, locked with SKIP LOCKED so
 * concurrent workers (in any process) never take the same row.
 */
export function dueRowIds(table: LeasedTable, { limit, now }: LeaseWindow) {
  return leasedQb
    .selectFrom(`${table} as d` as const)
    .select('d.id')
    .where('d.status', '=', sql.lit('pending'))
    .where('d.next_attempt_at', '<=', now)
    .where((w) => w.or([w('d.lease_until', 'is', null), w('d.lease_until', '<', now)]))
    .orderBy('d.next_attempt_at')
    .orderBy('d.id')
    .limit(limit)
    .forUpdate('d')
    .skipLocked();
}

/** What leasing a row (aliased `l`) writes: the attempt counted, the lease until the window's end. */
export function leaseSet(until: Date) {
  return {
    attempts: sql<number>`${sql.ref('l.attempts')} + 1`,
    lease_until: until,
    updated_at: sql<Date>`now()`,
  };
}

/**
 * Extends the leases of rows a round still works on (the runner calls it while a round is long); rows settled or
 * locked meanwhile are left alone rather than waited for.
 */
export function renewLeasesQuery(table: LeasedTable, ids: string[], until: Date) {
  return leasedQb
    .updateTable(table)
    .set({ lease_until: until })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom(table)
        .select('id')
        .where('id', '=', sql<string>`ANY(${ids}::uuid[])`)
        .where('status', '=', sql.lit('pending'))
        .where('lease_until', 'is not', null)
        .forUpdate()
        .skipLocked(),
    );
}

/** What settling a failure (the row source `r` of failedJobsRecordset) writes: due again, or failed for good. */
export function failedJobSet() {
  return {
    status: sql<string>`CASE WHEN r.dead THEN 'failed' ELSE 'pending' END`,
    next_attempt_at: sql<Date>`r.retry_at`,
    last_error: sql<string>`r.error`,
    lease_until: null,
    updated_at: sql<Date>`now()`,
  };
}
