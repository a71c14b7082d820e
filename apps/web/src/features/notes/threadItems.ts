import type { Message, TicketNote } from '@whatrack/api-client';

export type ThreadItem =
  { kind: 'message'; at: string; message: Message } | { kind: 'note'; at: string; note: TicketNote };

interface LoadedList<T> {
  /** Oldest first. */
  items: T[];
  /** Older items are still to load. */
  hasMore: boolean;
}

const time = (iso: string) => Date.parse(iso);

/**
 * The chat's messages and the ticket's notes in one time line, oldest first. Each list loads newest first, page by
 * page: an item older than what a list with more pages has loaded waits until that list loads further, so nothing
 * shows out of order (a note between two messages not yet loaded).
 */
export function threadItems(messages: LoadedList<Message>, notes: LoadedList<TicketNote>): ThreadItem[] {
  const fromMessages = messages.items.map((message): ThreadItem => ({ kind: 'message', at: message.sentAt, message }));
  const fromNotes = notes.items.map((note): ThreadItem => ({ kind: 'note', at: note.createdAt, note }));
  const limits = [
    messages.hasMore ? fromMessages[0]?.at : undefined,
    notes.hasMore ? fromNotes[0]?.at : undefined,
  ].filter((at): at is string => at !== undefined);
  const cutoff = limits.length > 0 ? Math.max(...limits.map(time)) : -Infinity;
  return [...fromMessages, ...fromNotes]
    .filter((item) => time(item.at) >= cutoff)
    .sort((a, b) => time(a.at) - time(b.at));
}

export const threadItemKey = (item: ThreadItem) => (item.kind === 'message' ? item.message.id : `note:${item.note.id}`);
