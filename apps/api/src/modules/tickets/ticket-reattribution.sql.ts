import { TicketCreatorType, TicketSourceType } from '@whatrack/shared';
import { sql } from 'kysely';
import { qb } from '../../database/query-builder';

/** Which open ticket a late-delivered first message may re-attribute (see TicketsRepository.findReattributable). */
export interface ReattributionProbe {
  organizationId: string;
  conversationId: string;
  providerMessageId: string;
  sentAt: Date;
}

/**
 * The WhatsApp-opened organic ticket of the conversation that holds the message, has no attribution yet (no
 * platform, UTM source or campaign, no click id) and no message older than it.
 */
export function reattributableTicketQuery(p: ReattributionProbe) {
  return qb
    .selectFrom('tickets as t')
    .innerJoin('whatsapp_messages as msg', (j) =>
      j
        .onRef('msg.organization_id', '=', 't.organization_id')
        .onRef('msg.ticket_id', '=', 't.id')
        .on('msg.provider_message_id', '=', p.providerMessageId),
    )
    .select('t.id')
    .where('t.organization_id', '=', p.organizationId)
    .where('t.conversation_id', '=', p.conversationId)
    .where('t.creator_type', '=', TicketCreatorType.SYSTEM)
    .where('t.source_type', '=', TicketSourceType.ORGANIC)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('ticket_trackings as tr')
            .select(sql<number>`1`.as('one'))
            .where('tr.organization_id', '=', p.organizationId)
            .whereRef('tr.ticket_id', '=', 't.id')
            .where((w) =>
              w.or([
                w('tr.ad_platform_id', 'is not', null),
                w('tr.utm_source', 'is not', null),
                w('tr.utm_campaign', 'is not', null),
                w.exists(
                  w
                    .selectFrom('ticket_tracking_identifiers as i')
                    .select(sql<number>`1`.as('one'))
                    .where('i.organization_id', '=', p.organizationId)
                    .whereRef('i.tracking_id', '=', 'tr.id'),
                ),
              ]),
            ),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('whatsapp_messages as older')
            .select(sql<number>`1`.as('one'))
            .where('older.organization_id', '=', p.organizationId)
            .whereRef('older.ticket_id', '=', 't.id')
            .where('older.sent_at', '<', p.sentAt),
        ),
      ),
    );
}

/** Drops the ticket's (empty) tracking row and sets its source type, in one statement. */
export function resetAttributionQuery(p: { organizationId: string; ticketId: string; sourceType: TicketSourceType }) {
  return qb
    .with('cleared', (q) =>
      q
        .deleteFrom('ticket_trackings')
        .where('organization_id', '=', p.organizationId)
        .where('ticket_id', '=', p.ticketId)
        .returning('id'),
    )
    .updateTable('tickets')
    .set({ source_type: p.sourceType, updated_at: sql<Date>`now()` })
    .where('organization_id', '=', p.organizationId)
    .where('id', '=', p.ticketId);
}
