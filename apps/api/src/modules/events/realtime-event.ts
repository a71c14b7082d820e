/** The channel the table triggers (migration RealtimeEvents) and write requests notify on. */
export const EVENTS_CHANNEL = 'whatrack_events';

/** The events a stream forwards (see the README's "Realtime events"); anything else on the channel is internal. */
export const STREAMED_EVENT_TYPES = new Set([
  'ticket.created',
  'ticket.updated',
  'message.created',
  'message.updated',
  'sale.created',
  'sale.deleted',
  'note.created',
  'note.deleted',
]);

/** A row change announced by a trigger: `id` comes from realtime_event_id_seq, shared by every instance. */
export interface RealtimeEvent {
  id: string;
  organizationId: string;
  type: string;
  data: unknown;
}

/** An event as streams send it: the SSE frame is built once, whatever the number of streams. */
export interface DeliveredEvent extends RealtimeEvent {
  frame: string;
  receivedAt: number;
}

/** What a write request sends so other instances drop the organization's cached reads (never streamed). */
export interface CacheNotice {
  type: 'cache';
  organizationId: string;
}

export function eventFrame(event: RealtimeEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/** Parses a notification on EVENTS_CHANNEL: an event, a cache notice, or null for anything malformed. */
export function parseNotice(payload: string): RealtimeEvent | CacheNotice | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { id, organizationId, type, data } = value as Record<string, unknown>;
  if (typeof organizationId !== 'string' || typeof type !== 'string') return null;
  if (type === 'cache') return { type, organizationId };
  if (typeof id !== 'string' || !STREAMED_EVENT_TYPES.has(type)) return null;
  return { id, organizationId, type, data };
}
