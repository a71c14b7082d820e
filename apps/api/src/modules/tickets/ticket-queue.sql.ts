import type { MessageDirection } from '@whatrack/shared';
import { sql } from 'kysely';
import { qb } from '../../database/query-builder';

/**
 * The SQL of the queue an agent works from: the ticket columns the message trigger keeps (migration TicketQueue),
 * marking a ticket read and the views' counts.
 */

/** The queue columns of tickets `t`, as a listing or the ticket screen selects them. */
export const QUEUE_COLUMNS = [
  't.last_message_at',
  't.last_message_preview',
  't.last_message_type',
  't.last_message_direction',
  't.unread_count',
  't.waiting_since',
] as const;

export type QueueNarrow = { last_message_direction: MessageDirection | null };

export interface QueueRow {
  last_message_at: Date | null;
  last_message_preview: string | null;
  last_message_type: string | null;
  last_message_direction: MessageDirection | null;
  unread_count: number;
  waiting_since: Date | null;
}

/**
 * The ticket read by the team: its unread messages cleared and when, written only when something was unread (a
 * ticket opened again writes nothing). Answers the ticket's id when the organization has it.
 */
export function markReadQuery(organizationId: string, id: string) {
  return qb
    .with('marked', (q) =>
      q
        .updateTable('tickets')
        .set({ unread_count: sql.lit(0), last_read_at: sql<Date>`now()` })
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .where('unread_count', '>', sql.lit(0))
        .returning('id'),
    )
    .selectFrom('tickets')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', '=', id);
}
