import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TicketDetail } from '@whatrack/api-client';
import { useEffect, useRef } from 'react';
import { useApi } from '../../lib/useApi';
import { markReadInCache } from './markReadInCache';

type ReadTicket = Pick<TicketDetail, 'id' | 'status' | 'unreadCount'>;

/**
 * Opening a ticket with unread messages marks it read for the team: one POST /tickets/{id}/read per visit of the
 * screen, then the badges go in the cached detail, lists and views. A failure is quiet: the badge simply stays until
 * the ticket is opened again.
 */
export function useMarkTicketRead(ticket: ReadTicket | undefined) {
  const { client } = useApi();
  const queryClient = useQueryClient();
  const sentFor = useRef<string | null>(null);
  const { mutate } = useMutation({
    mutationFn: async (read: ReadTicket) => {
      const { error, response } = await client.POST('/api/v1/tickets/{id}/read', {
        params: { path: { id: read.id } },
      });
      if (error !== undefined || !response.ok) throw new Error(`mark read answered ${response.status}`);
    },
    onSuccess: (_, read) => markReadInCache(queryClient, read),
  });
  const id = ticket?.id;
  const unread = ticket?.unreadCount ?? 0;
  const status = ticket?.status;
  useEffect(() => {
    if (!id || !status || unread === 0 || sentFor.current === id) return;
    sentFor.current = id;
    mutate({ id, status, unreadCount: unread });
  }, [id, status, unread, mutate]);
}
