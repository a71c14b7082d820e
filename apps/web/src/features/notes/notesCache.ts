import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { TicketNote, TicketNoteList } from '@whatrack/api-client';
import { queryKeys } from '../../api/query-keys';

export type NotesData = InfiniteData<TicketNoteList, number>;

/**
 * Writes of the cached notes of a ticket (newest first), so the agent's own note shows or goes at once; the
 * realtime event that follows reads them again.
 */
export const notesCache = {
  add(queryClient: QueryClient, ticketId: string, note: TicketNote) {
    queryClient.setQueryData<NotesData>(queryKeys.notes(ticketId), (data) => {
      if (!data || data.pages.some((page) => page.items.some((item) => item.id === note.id))) return data;
      const [first, ...rest] = data.pages;
      if (!first) return data;
      return { ...data, pages: [{ ...first, items: [note, ...first.items], total: first.total + 1 }, ...rest] };
    });
  },
  remove(queryClient: QueryClient, ticketId: string, noteId: string) {
    queryClient.setQueryData<NotesData>(queryKeys.notes(ticketId), (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== noteId) })),
          }
        : data,
    );
  },
};
