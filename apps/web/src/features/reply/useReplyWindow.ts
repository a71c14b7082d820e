import { useQueryClient } from '@tanstack/react-query';
import type { TicketDetail } from '@whatrack/api-client';
import { useEffect, useRef } from 'react';
import { queryKeys } from '../../api/query-keys';

/** setTimeout's longest delay (about 24.8 days); a window never stays open that long. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Whether free text can be sent now (the ticket's replyWindow). When its expiresAt passes while the page is open the
 * ticket is read again, once per expiresAt: the API decides, so a computer whose clock is off cannot close the
 * window early on screen (it only asks one time too soon).
 */
export function useReplyWindow(ticket: Pick<TicketDetail, 'id' | 'replyWindow'>): boolean {
  const queryClient = useQueryClient();
  const { open, expiresAt } = ticket.replyWindow;
  const asked = useRef<string | null>(null);
  useEffect(() => {
    const at = expiresAt ? Date.parse(expiresAt) : NaN;
    if (!open || !expiresAt || Number.isNaN(at) || asked.current === expiresAt) return;
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, at - Date.now()));
    const timer = setTimeout(() => {
      asked.current = expiresAt;
      void queryClient.invalidateQueries({ queryKey: queryKeys.tickets.detail(ticket.id) });
    }, delay);
    return () => clearTimeout(timer);
  }, [queryClient, ticket.id, open, expiresAt]);
  return open;
}
