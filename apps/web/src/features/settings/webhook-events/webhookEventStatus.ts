import type { WebhookEventStatus } from '@whatrack/api-client';

/** Every status the API filters by, in the order an event goes through them. */
export const WEBHOOK_EVENT_STATUSES = [
  'failed',
  'partial',
  'unroutable',
  'pending',
  'processing',
  'processed',
  'ignored',
] as const satisfies readonly WebhookEventStatus[];

/** What the list opens on: the events that need someone to look at them. */
export const DEFAULT_STATUS_FILTER: WebhookEventStatus = 'failed';

/** Statuses worth a manual retry: the worker gave up or skipped part of the event. */
const RETRYABLE: ReadonlySet<WebhookEventStatus> = new Set(['failed', 'partial', 'unroutable']);

export function isRetryable(status: WebhookEventStatus): boolean {
  return RETRYABLE.has(status);
}
