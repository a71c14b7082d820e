import type { TicketStatus } from '@whatrack/api-client';
import type { SseMessage } from './sseParser';

/** The `data` of each event of GET /api/v1/events (issue #14 wire contract). */
export interface RealtimeEventMap {
  ready: { resumed: boolean };
  resync: Record<string, never>;
  'ticket.created': {
    ticketId: string;
    stageId: string;
    assigneeId: string | null;
    status: TicketStatus;
    createdAt: string;
  };
  'ticket.updated': {
    ticketId: string;
    stageId: string;
    assigneeId: string | null;
    dealValue: number;
    status: TicketStatus;
    unreadCount: number;
    waitingSince: string | null;
    lastMessageAt: string | null;
    lastMessagePreview: string | null;
    lastMessageType: string | null;
    lastMessageDirection: 'in' | 'out' | null;
    updatedAt: string;
  };
  'message.created': {
    ticketId: string;
    conversationId: string;
    messageId: string;
    direction: 'in' | 'out';
    type: string;
    status: string | null;
    createdAt: string;
  };
  'message.updated': { ticketId: string; messageId: string; status: string | null };
  'sale.created': { ticketId: string; saleId: string; value: number };
  'sale.deleted': { ticketId: string; saleId: string };
  'note.created': {
    ticketId: string;
    noteId: string;
    authorType: 'user' | 'api_key';
    authorUserId: string | null;
    authorName: string;
    mentionedUserIds: string[];
    createdAt: string;
  };
  'note.deleted': { ticketId: string; noteId: string };
}

export type RealtimeEventName = keyof RealtimeEventMap;

/** One event as the app handles it; `id` is the opaque stream id ('' for `ready` and `resync`). */
export type RealtimeEvent = {
  [Name in RealtimeEventName]: { name: Name; id: string; data: RealtimeEventMap[Name] };
}[RealtimeEventName];

export type RealtimeEventOf<Name extends RealtimeEventName> = Extract<RealtimeEvent, { name: Name }>;

/** The field every event about a ticket must carry, so a malformed frame cannot reach the cache. */
const NEEDS_TICKET: ReadonlySet<string> = new Set([
  'ticket.created',
  'ticket.updated',
  'message.created',
  'message.updated',
  'sale.created',
  'sale.deleted',
  'note.created',
  'note.deleted',
]);
const KNOWN: ReadonlySet<string> = new Set([...NEEDS_TICKET, 'ready', 'resync']);

/** The event of a frame, or null for events this client does not know (newer servers) or broken JSON. */
export function toRealtimeEvent(message: SseMessage): RealtimeEvent | null {
  if (!KNOWN.has(message.event)) return null;
  let data: unknown;
  try {
    data = JSON.parse(message.data || '{}');
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  if (NEEDS_TICKET.has(message.event) && typeof (data as { ticketId?: unknown }).ticketId !== 'string') return null;
  return { name: message.event, id: message.lastEventId, data } as RealtimeEvent;
}
