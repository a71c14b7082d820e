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

/**
 * Splits claimed events into at most `parts` batches so that all events of one sender land in the same batch, in
 * arrival order: batches then run in parallel without ever applying a sender's messages out of order (a referral
 * must open the ticket before the lead's next message lands on it).
 */
export function partitionBySender(events: StoredEvent[], parts: number): StoredEvent[][] {
  const batches = new Map<number, StoredEvent[]>();
  for (const event of events) {
    const part = hashOf(senderKey(event)) % Math.max(1, parts);
    const batch = batches.get(part);
    if (batch) batch.push(event);
    else batches.set(part, [event]);
  }
  return [...batches.values()];
}

/** A small, stable string hash (FNV-1a): only spreads senders over batches. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
