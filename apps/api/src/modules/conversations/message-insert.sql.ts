import { type QueryCreator, sql } from 'kysely';
import type { DB } from '../../database/generated/db';

/** The `msg` CTE of a message insert: the row really inserted (none on a redelivery). */
export interface MessageCte {
  msg: { id: string; ticket_id: string };
}

type Touched = { organizationId: string; conversationId: string; sentAt: Date };

/*
 * What storing a message changes besides the message, as CTEs of the insert (one statement), moved only when the
 * row was really inserted. The ticket's messages_count is the trigger's (migration MessageCounters).
 */

/** The message's ticket was updated now. */
export function touchTicket(q: QueryCreator<DB & MessageCte>, message: Touched) {
  return q
    .updateTable('tickets')
    .set({ updated_at: sql<Date>`now()` })
    .where('organization_id', '=', message.organizationId)
    .where('id', 'in', q.selectFrom('msg').select('ticket_id'))
    .returning(sql<number>`1`.as('one'));
}

/** The conversation's last_message_at, never moved back by a late older message. */
export function touchConversation(q: QueryCreator<DB & MessageCte>, message: Touched) {
  const sentAt = sql<Date>`${message.sentAt}::timestamptz`;
  return q
    .updateTable('whatsapp_conversations')
    .set((eb) => ({
      last_message_at: eb.fn('GREATEST', [eb.fn.coalesce('last_message_at', sentAt), sentAt]),
      updated_at: sql<Date>`now()`,
    }))
    .where('organization_id', '=', message.organizationId)
    .where('id', '=', message.conversationId)
    .where((eb) => eb.exists(eb.selectFrom('msg').select('ticket_id')))
    .returning(sql<number>`1`.as('one'));
}
