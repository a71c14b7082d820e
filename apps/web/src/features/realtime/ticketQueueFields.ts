import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { TicketListItem, TicketListQuery } from '@whatrack/api-client';
import { patchCachedTicket, type PatchableTicketField } from '../tickets/patchCachedTicket';
import type { RealtimeEventMap } from './realtimeEvents';

type TicketUpdated = RealtimeEventMap['ticket.updated'];
type QueueSource = Pick<TicketListItem, PatchableTicketField>;

/**
 * The fields of a ticket that a `ticket.updated` carries and that are copied as they are, from the event or from the
 * cached ticket (same names).
 */
export function queueFields(data: TicketUpdated | QueueSource) {
  return {
    dealValue: data.dealValue,
    status: data.status,
    unreadCount: data.unreadCount,
    waitingSince: data.waitingSince,
    lastMessageAt: data.lastMessageAt,
    lastMessagePreview: data.lastMessagePreview,
    lastMessageType: data.lastMessageType,
    lastMessageDirection: data.lastMessageDirection,
    updatedAt: data.updatedAt,
  };
}

type Fields = ReturnType<typeof queueFields>;

/** Copies the event's fields into the ticket wherever it is cached: table pages, Kanban columns, detail. */
export function patchQueueFields(queryClient: QueryClient, data: TicketUpdated): void {
  patchCachedTicket(queryClient, data.ticketId, queueFields(data));
}

/** Which field of the ticket decides the order of a list sorted by `sort`. */
const SORT_FIELD: Record<NonNullable<TicketListQuery['sort']>, keyof Fields | 'createdAt'> = {
  createdAt: 'createdAt',
  '-createdAt': 'createdAt',
  dealValue: 'dealValue',
  '-dealValue': 'dealValue',
  updatedAt: 'updatedAt',
  '-updatedAt': 'updatedAt',
  '-lastMessageAt': 'lastMessageAt',
  waitingSince: 'waitingSince',
};

/**
 * Whether a cached list may hold other rows, or rows in another order, after the queue fields changed from `before`
 * to `after`: it is sorted by a changed field, or filtered on waiting / unread whose answer changed. A patch keeps
 * rows where they are, so such lists are read again (a ticket can then move to the top or join the list).
 */
export function listDependsOnChange(key: QueryKey, before: Fields, after: Fields): boolean {
  const query = (key[2] as { params?: { query?: TicketListQuery } } | undefined)?.params?.query ?? {};
  const field = query.sort ? SORT_FIELD[query.sort] : undefined;
  if (field && field !== 'createdAt' && before[field] !== after[field]) return true;
  if (query.waiting !== undefined && (before.waitingSince === null) !== (after.waitingSince === null)) return true;
  if (query.unread !== undefined && before.unreadCount > 0 !== after.unreadCount > 0) return true;
  return false;
}
