import type { WebhookEventType } from '@whatrack/api-client';
import { WEBHOOK_EVENT_TYPES } from '@whatrack/shared';

/** The subscribable events in the order the form lists them. */
export const WEBHOOK_EVENTS: readonly WebhookEventType[] = WEBHOOK_EVENT_TYPES;

/** i18n keys cannot hold the events' dots: each event's label key. */
export const WEBHOOK_EVENT_LABELS = {
  'ticket.created': 'webhooks.event.ticketCreated',
  'ticket.updated': 'webhooks.event.ticketUpdated',
  'ticket.stage_changed': 'webhooks.event.ticketStageChanged',
  'message.received': 'webhooks.event.messageReceived',
  'message.sent': 'webhooks.event.messageSent',
  'sale.created': 'webhooks.event.saleCreated',
  ping: 'webhooks.event.ping',
} as const satisfies Record<WebhookEventType | 'ping', `webhooks.event.${string}`>;

/** The label key of a delivery's event type, which the API may extend: unknown types show as they are. */
export function webhookEventLabelKey(
  type: string,
): (typeof WEBHOOK_EVENT_LABELS)[keyof typeof WEBHOOK_EVENT_LABELS] | null {
  return type in WEBHOOK_EVENT_LABELS ? WEBHOOK_EVENT_LABELS[type as keyof typeof WEBHOOK_EVENT_LABELS] : null;
}
