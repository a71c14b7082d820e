import { unwrap } from '@whatrack/api-client';
import type { ApiKeyScope } from '@whatrack/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../lib/useApi';
import { queryKeys } from '../../../api/query-keys';

export function useApiKeyMutations() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys() });
  const create = useMutation({
    mutationFn: async ({ name, scopes }: { name: string; scopes: ApiKeyScope[] }) => {
      return unwrap(await client.POST('/api/v1/api-keys', { body: { name, scopes } }));
    },
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: async (id: string) => {
      unwrap(await client.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } }));
    },
    onSuccess: refresh,
  });
  return { create, revoke };
}
