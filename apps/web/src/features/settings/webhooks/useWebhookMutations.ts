import { unwrap, type WebhookEventType } from '@whatrack/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../lib/useApi';
import { queryKeys } from '../../../api/query-keys';

/** Every change to the webhook subscriptions; each refreshes the list, a test also its subscription's log. */
export function useWebhookMutations() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.webhookSubscriptions.all() });
  const path = (id: string) => ({ params: { path: { id } } });

  const create = useMutation({
    mutationFn: async (body: { url: string; events: WebhookEventType[] }) =>
      unwrap(await client.POST('/api/v1/webhook-subscriptions', { body })),
    onSuccess: refresh,
  });
  const setActive = useMutation({
    mutationFn: async ({ id, active }: { id: string; active: boolean }) =>
      unwrap(await client.PATCH('/api/v1/webhook-subscriptions/{id}', { ...path(id), body: { active } })),
    onSuccess: (_data, { id }) =>
      Promise.all([
        refresh(),
        queryClient.invalidateQueries({ queryKey: queryKeys.webhookSubscriptions.deliveries(id) }),
      ]),
  });
  const remove = useMutation({
    mutationFn: async (id: string) => {
      unwrap(await client.DELETE('/api/v1/webhook-subscriptions/{id}', path(id)));
    },
    onSuccess: refresh,
  });
  const rotateSecret = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await client.POST('/api/v1/webhook-subscriptions/{id}/rotate-secret', path(id))),
    onSuccess: refresh,
  });
  const sendTest = useMutation({
    mutationFn: async (id: string) => unwrap(await client.POST('/api/v1/webhook-subscriptions/{id}/test', path(id))),
    onSuccess: (_data, id) =>
      queryClient.invalidateQueries({ queryKey: queryKeys.webhookSubscriptions.deliveries(id) }),
  });
  return { create, setActive, remove, rotateSecret, sendTest };
}

export type WebhookMutations = ReturnType<typeof useWebhookMutations>;
