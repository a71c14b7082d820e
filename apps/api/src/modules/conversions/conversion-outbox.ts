import type { EntityManager } from 'typeorm';
import type { Sale } from '../sales/entities/sale.entity';
import type { Ticket } from '../tickets/entities/ticket.entity';
import type { ConversionKind } from './entities/conversion.entity';
import { buildMetaEvent, PURCHASE_EVENT, purchaseEventId, stageEventId } from './meta-events';

/*
 * Hooks called inside the transaction of a sale or a stage change. A conversion is queued only when the
 * organization's Meta settings are enabled and the ticket has a ctwaclid (nothing is written otherwise, so enabling
 * later does not backfill: GET /conversions/meta-preview shows those). The unique (organization_id, event_id) with
 * ON CONFLICT DO NOTHING makes a second enqueue of the same conversion a no-op.
 */

interface EnqueueContext {
  whatsapp_business_account_id: string | null;
  stage_event_stage_id: string | null;
  stage_event_name: string | null;
  currency: string;
  ctwa_clid: string;
}

async function enqueueContext(
  m: EntityManager,
  organizationId: string,
  ticketId: string,
): Promise<EnqueueContext | null> {
  const rows = await m.query<EnqueueContext[]>(
    `SELECT ms.whatsapp_business_account_id, ms.stage_event_stage_id, ms.stage_event_name, o.currency,
            i.value AS ctwa_clid
     FROM meta_settings ms
     JOIN organizations o ON o.id = ms.organization_id
     JOIN ticket_trackings tr ON tr.organization_id = ms.organization_id AND tr.ticket_id = $2
     JOIN ticket_tracking_identifiers i ON i.organization_id = tr.organization_id AND i.tracking_id = tr.id
     JOIN tracking_identifier_types ty ON ty.id = i.identifier_type_id AND ty.key = 'ctwaclid'
     WHERE ms.organization_id = $1 AND ms.enabled`,
    [organizationId, ticketId],
  );
  return rows[0] ?? null;
}

interface OutboxRow {
  organizationId: string;
  ticketId: string;
  saleId: string | null;
  kind: ConversionKind;
  eventName: string;
  eventId: string;
  eventTime: Date;
  value: number;
  context: EnqueueContext;
  now: Date;
}

async function insert(m: EntityManager, row: OutboxRow): Promise<void> {
  const payload = buildMetaEvent({
    eventName: row.eventName,
    eventTime: row.eventTime,
    eventId: row.eventId,
    whatsappBusinessAccountId: row.context.whatsapp_business_account_id,
    ctwaClid: row.context.ctwa_clid,
    currency: row.context.currency,
    value: row.value,
  });
  await m.query(
    `INSERT INTO conversions (organization_id, ticket_id, sale_id, kind, event_name, event_id, event_time, value,
                              currency, ctwa_clid, status, next_attempt_at, payload)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', $11, $12)
     ON CONFLICT (organization_id, event_id) DO NOTHING`,
    [
      row.organizationId,
      row.ticketId,
      row.saleId,
      row.kind,
      row.eventName,
      row.eventId,
      row.eventTime,
      row.value,
      payload.custom_data.currency,
      row.context.ctwa_clid,
      row.now,
      JSON.stringify(payload),
    ],
  );
}

/** Queues the "Purchase" conversion of a new sale (event time: its soldAt). */
export async function enqueuePurchaseConversion(m: EntityManager, sale: Sale, now: Date): Promise<void> {
  const context = await enqueueContext(m, sale.organizationId, sale.ticketId);
  if (!context) return;
  await insert(m, {
    organizationId: sale.organizationId,
    ticketId: sale.ticketId,
    saleId: sale.id,
    kind: 'purchase',
    eventName: PURCHASE_EVENT,
    eventId: purchaseEventId(sale.id),
    eventTime: sale.soldAt,
    value: sale.value,
    context,
    now,
  });
}

/**
 * Queues the stage conversion when the ticket enters the stage of the organization's rule (once per ticket and
 * stage, valued at the ticket's deal value at that moment).
 */
export async function enqueueStageConversion(
  m: EntityManager,
  ticket: Ticket,
  stageId: string,
  now: Date,
): Promise<void> {
  const context = await enqueueContext(m, ticket.organizationId, ticket.id);
  if (!context || !context.stage_event_name || context.stage_event_stage_id !== stageId) return;
  await insert(m, {
    organizationId: ticket.organizationId,
    ticketId: ticket.id,
    saleId: null,
    kind: 'stage',
    eventName: context.stage_event_name,
    eventId: stageEventId(ticket.id, stageId),
    eventTime: now,
    value: ticket.dealValue,
    context,
    now,
  });
}
