/**
 * What a webhook subscription may ask for. Ticket events follow the ticket's own fields (a stage move is both
 * `ticket.stage_changed` and `ticket.updated`); `message.sent` fires once an outbound message is accepted by the
 * provider. `ping` is never subscribed to: it is what "send test" delivers.
 */
export const WEBHOOK_EVENT_TYPES = [
  'ticket.created',
  'ticket.updated',
  'ticket.stage_changed',
  'message.received',
  'message.sent',
  'sale.created',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'canceled'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
