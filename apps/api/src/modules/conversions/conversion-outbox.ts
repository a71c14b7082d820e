import type { Db } from '../../database/db';
import { buildMetaEvent, PURCHASE_EVENT, purchaseEventId, stageEventId } from './meta-events';
import { ConversionsRepository } from './conversions.repository';
import type { NewConversion } from './conversions.sql';
import { type EnqueueContext, MetaSettingsRepository } from './meta-settings.repository';

/*
 * Hooks called inside the transaction of a sale or a stage change. A conversion is queued only when the
 * organization's Meta settings are enabled and the ticket has a ctwaclid (nothing is written otherwise, so enabling
 * later does not backfill: GET /conversions/meta-preview shows those). The unique (organization_id, event_id) with
 * ON CONFLICT DO NOTHING makes a second enqueue of the same conversion a no-op.
 */

const conversions = new ConversionsRepository();
const metaSettings = new MetaSettingsRepository();

/** A conversion to queue: its row's own fields, plus what the Meta event and the schedule are built from. */
type Queued = Pick<
  NewConversion,
  'organizationId' | 'ticketId' | 'saleId' | 'kind' | 'eventName' | 'eventId' | 'eventTime' | 'value'
> & { context: EnqueueContext; now: Date };

async function insert(db: Db, c: Queued): Promise<void> {
  const payload = buildMetaEvent({
    eventName: c.eventName,
    eventTime: c.eventTime,
    eventId: c.eventId,
    whatsappBusinessAccountId: c.context.whatsappBusinessAccountId,
    ctwaClid: c.context.ctwaClid,
    currency: c.context.currency,
    value: c.value,
  });
  const { context, now, ...row } = c;
  await conversions.insert(db, {
    ...row,
    currency: payload.custom_data.currency,
    ctwaClid: context.ctwaClid,
    nextAttemptAt: now,
    payload,
  });
}

/** Queues the "Purchase" conversion of a new sale (event time: its soldAt). */
export async function enqueuePurchaseConversion(
  db: Db,
  sale: { id: string; organizationId: string; ticketId: string; soldAt: Date; value: number },
  now: Date,
): Promise<void> {
  const context = await metaSettings.enqueueContext(db, {
    organizationId: sale.organizationId,
    ticketId: sale.ticketId,
  });
  if (!context) return;
  await insert(db, {
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
  db: Db,
  ticket: { id: string; organizationId: string; dealValue: number },
  stageId: string,
  now: Date,
): Promise<void> {
  const context = await metaSettings.enqueueContext(db, { organizationId: ticket.organizationId, ticketId: ticket.id });
  if (!context || !context.stageEventName || context.stageEventStageId !== stageId) return;
  await insert(db, {
    organizationId: ticket.organizationId,
    ticketId: ticket.id,
    saleId: null,
    kind: 'stage',
    eventName: context.stageEventName,
    eventId: stageEventId(ticket.id, stageId),
    eventTime: now,
    value: ticket.dealValue,
    context,
    now,
  });
}
