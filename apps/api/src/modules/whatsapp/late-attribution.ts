import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../../common/sql/prepared-query';

/**
 * Whether the open ticket a message just landed on should take that message's attribution instead: WhatsApp does
 * not promise to deliver webhooks in order, and replicas claim events independently, so a lead's second message
 * can open the ticket (organic, no UTMs) before the referral or tracking-link message that was really first. That
 * ticket is re-attributed when it was opened by WhatsApp, carries no attribution yet, and holds no message older
 * than this one. Returns the ticket id to attribute, or null.
 */
export async function ticketOpenedLater(
  m: EntityManager,
  organizationId: string,
  conversationId: string,
  message: { providerMessageId: string; sentAt: Date },
): Promise<string | null> {
  const [row] = await queryPrepared<{ id: string }>(
    m,
    `SELECT t.id FROM tickets t
     JOIN whatsapp_messages msg ON msg.organization_id = t.organization_id AND msg.ticket_id = t.id
                               AND msg.provider_message_id = $3
     WHERE t.organization_id = $1 AND t.conversation_id = $2 AND t.creator_type = 'SYSTEM'
       AND t.source_type = 'organic'
       AND NOT EXISTS (
         SELECT 1 FROM ticket_trackings tr
         WHERE tr.organization_id = t.organization_id AND tr.ticket_id = t.id
           AND (tr.ad_platform_id IS NOT NULL OR tr.utm_source IS NOT NULL OR tr.utm_campaign IS NOT NULL
                OR EXISTS (SELECT 1 FROM ticket_tracking_identifiers i
                           WHERE i.organization_id = tr.organization_id AND i.tracking_id = tr.id)))
       AND NOT EXISTS (
         SELECT 1 FROM whatsapp_messages older
         WHERE older.organization_id = t.organization_id AND older.ticket_id = t.id AND older.sent_at < $4)`,
    [organizationId, conversationId, message.providerMessageId, message.sentAt],
  );
  return row?.id ?? null;
}

/** Drops the ticket's empty tracking row and sets its source type, before the new attribution is stored. */
export async function clearTicketAttribution(
  m: EntityManager,
  organizationId: string,
  ticketId: string,
  sourceType: string,
): Promise<void> {
  await queryPrepared(
    m,
    `WITH cleared AS (DELETE FROM ticket_trackings WHERE organization_id = $1 AND ticket_id = $2)
     UPDATE tickets SET source_type = $3, updated_at = now() WHERE organization_id = $1 AND id = $2`,
    [organizationId, ticketId, sourceType],
  );
}
