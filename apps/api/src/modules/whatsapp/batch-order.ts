import { WhatsappProvider } from '@whatrack/shared';
import { cloudChangeValues } from './parsers/cloud-api.parser';
import { arr, obj, str } from './parsers/json';
import type { StoredEvent } from './webhook-processor';

/**
 * Who an event is about, read cheaply from its raw body: the business number and the sender of its first message
 * (or status). Events of one conversation share it.
 */
export function senderKey(event: StoredEvent): string {
  if (event.provider === WhatsappProvider.CLOUD_API) {
    const value = cloudChangeValues(event.body)[0];
    const item = obj(arr(value?.messages)[0]) ?? obj(arr(value?.statuses)[0]);
    const sender = str(item?.from) ?? str(item?.from_user_id) ?? str(item?.recipient_id) ?? '';
    return `${str(obj(value?.metadata)?.phone_number_id) ?? ''}|${sender}`;
  }
  const root = obj(event.body);
  const data = obj(Array.isArray(root?.data) ? arr(root.data)[0] : root?.data);
  return `${event.instanceId ?? ''}|${str(obj(data?.key)?.remoteJid) ?? ''}`;
}

/**
 * A claimed batch in the order it is applied: grouped by sender, in one global order, and in arrival order within a
 * sender (the sort is stable). A batch holds each conversation's lock until it commits, so two lanes whose batches
 * share conversations then take those locks in the same order and wait for each other instead of deadlocking.
 */
export function inLockOrder(events: StoredEvent[]): StoredEvent[] {
  return events
    .map((event) => ({ event, key: senderKey(event) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ event }) => event);
}
