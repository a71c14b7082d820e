import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type UpdateTicketBody, unwrap } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi';
import { useErrorText } from '../ui/useErrorText';
import { useToast } from '../ui/useToast';
import { applyTicketChange, restoreSnapshot, type CacheSnapshot } from './applyTicketChange';
import type { TicketChange } from './ticketCache';
import { queryKeys } from '../../api/query-keys';

export interface TicketUpdate {
  id: string;
  body: UpdateTicketBody;
  /** How the ticket looks after the change, shown right away (optimistic update). */
  change: TicketChange;
  /** Name of the lead, for the message shown if the change fails. */
  leadName?: string | null;
}

/** PATCH /tickets/{id}, shown at once everywhere the ticket appears and undone (with a message) if the API refuses. */
export function useUpdateTicket() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorText = useErrorText();
  const { t } = useTranslation();

  return useMutation({
    mutationFn: async ({ id, body }: TicketUpdate) => {
      return unwrap(await client.PATCH('/api/v1/tickets/{id}', { params: { path: { id } }, body }));
    },
    onMutate: async ({ id, change }): Promise<{ snapshot: CacheSnapshot }> => {
      await queryClient.cancelQueries({ queryKey: queryKeys.tickets.lists() });
      await queryClient.cancelQueries({ queryKey: queryKeys.tickets.detail(id) });
      return { snapshot: applyTicketChange(queryClient, id, change) };
    },
    onError: (error, { leadName }, context) => {
      if (context) restoreSnapshot(queryClient, context.snapshot);
      toast.show({
        tone: 'error',
        message: t('tickets.update.failed', { lead: leadName || t('tickets.noName'), message: errorText(error) }),
      });
    },
    onSuccess: (detail) => {
      queryClient.setQueryData(queryKeys.tickets.detail(detail.id), detail);
    },
    onSettled: async () => {
      // An assignee or a stage change moves the ticket between the queue views too.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.tickets.lists() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.tickets.views() }),
      ]);
    },
  });
}
