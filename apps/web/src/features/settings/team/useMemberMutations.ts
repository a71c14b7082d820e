import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap, type UpdateUserBody } from '@whatrack/api-client';
import { useApi } from '../../../lib/useApi';
import { queryKeys } from '../../../api/query-keys';

/** A member's role and active flag, and their one-time password-reset links. */
export function useMemberMutations() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateUserBody }) =>
      unwrap(await client.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users() }),
  });
  const resetLink = useMutation({
    mutationFn: async (userId: string) =>
      unwrap(await client.POST('/api/v1/auth/password-reset', { body: { userId } })),
  });
  return { update, resetLink };
}
