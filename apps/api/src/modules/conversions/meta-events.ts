/** An event of Meta's Conversions API for business messaging (Click-to-WhatsApp ads). */
export interface MetaEvent {
  event_name: string;
  /** Unix seconds. */
  event_time: number;
  /** Stable per conversion: Meta drops a second event with the same id. */
  event_id: string;
  action_source: 'business_messaging';
  messaging_channel: 'whatsapp';
  user_data: { whatsapp_business_account_id: string | null; ctwa_clid: string };
  custom_data: { currency: string; value: number };
}

export const PURCHASE_EVENT = 'Purchase';

export const purchaseEventId = (saleId: string): string => `purchase:${saleId}`;
export const stageEventId = (ticketId: string, stageId: string): string => `stage:${ticketId}:${stageId}`;

export interface MetaEventInput {
  eventName: string;
  eventTime: Date;
  eventId: string;
  whatsappBusinessAccountId: string | null;
  ctwaClid: string;
  currency: string;
  value: number;
}

/** The one builder of Meta events: the outbox, the preview and the tests all go through it. */
export function buildMetaEvent(input: MetaEventInput): MetaEvent {
  return {
    event_name: input.eventName,
    event_time: Math.floor(input.eventTime.getTime() / 1000),
    event_id: input.eventId,
    action_source: 'business_messaging',
    messaging_channel: 'whatsapp',
    user_data: { whatsapp_business_account_id: input.whatsappBusinessAccountId, ctwa_clid: input.ctwaClid },
    custom_data: { currency: input.currency.trim(), value: input.value },
  };
}
