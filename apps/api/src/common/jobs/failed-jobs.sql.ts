import { sql } from 'kysely';
import type { FailedJob } from './job-queue';

/**
 * The failures the runner settles as a row source `r` (id, error, retry_at, dead) for one UPDATE … FROM of a queue
 * table: a batch of failures is one statement whatever its size, and its text never depends on the size.
 */
export function failedJobsRecordset(failures: FailedJob[]) {
  const rows = failures.map((f) => ({ id: f.id, error: f.error, retry_at: f.retryAt, dead: f.dead }));
  return sql<{
    id: string;
    error: string;
    retry_at: Date;
    dead: boolean;
  }>`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)`.as<'r'>(
    sql`r(id uuid, error text, retry_at timestamptz, dead boolean)`,
  );
}
