import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateNoteBody, unwrap } from '@whatrack/api-client';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../lib/useApi';
import { notesCache } from './notesCache';

/** Writing and deleting a ticket's internal notes (never the WhatsApp reply path). */
export function useNoteMutations(ticketId: string) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.notes(ticketId) });
  const create = useMutation({
    mutationFn: async (body: CreateNoteBody) =>
      unwrap(await client.POST('/api/v1/tickets/{id}/notes', { params: { path: { id: ticketId } }, body })),
    onSuccess: (note) => {
      notesCache.add(queryClient, ticketId, note);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: async (noteId: string) => {
      unwrap(
        await client.DELETE('/api/v1/tickets/{id}/notes/{noteId}', { params: { path: { id: ticketId, noteId } } }),
      );
      return noteId;
    },
    onSuccess: (noteId) => {
      notesCache.remove(queryClient, ticketId, noteId);
      refresh();
    },
  });
  return { create, remove };
}
