import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateWhatsappInstanceBody, type UpdateWhatsappInstanceBody, unwrap } from '@whatrack/api-client';
import { useApi } from '../../../lib/useApi';
import { queryKeys } from '../../../api/query-keys';

export function useInstanceMutations() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.whatsappInstances() });
  const create = useMutation({
    mutationFn: async (body: CreateWhatsappInstanceBody) => {
      return unwrap(await client.POST('/api/v1/whatsapp-instances', { body }));
    },
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateWhatsappInstanceBody }) => {
      return unwrap(await client.PATCH('/api/v1/whatsapp-instances/{id}', { params: { path: { id } }, body }));
    },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: async (id: string) => {
      unwrap(await client.DELETE('/api/v1/whatsapp-instances/{id}', { params: { path: { id } } }));
    },
    onSuccess: refresh,
  });
  return { create, update, remove };
}
