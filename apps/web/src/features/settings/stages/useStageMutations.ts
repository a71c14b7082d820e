import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateStageBody, type Stage, type StageList, type UpdateStageBody, unwrap } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../lib/useApi';
import { useErrorText } from '../../ui/useErrorText';
import { useToast } from '../../ui/useToast';
import { queryKeys } from '../../../api/query-keys';

/** Create, update, reorder (optimistic) and delete stages; tickets are reloaded since they show stage names. */
export function useStageMutations() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorText = useErrorText();
  const { t } = useTranslation();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.stages() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.tickets.lists() }),
    ]);

  const create = useMutation({
    mutationFn: async (body: CreateStageBody) => {
      return unwrap(await client.POST('/api/v1/stages', { body }));
    },
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateStageBody }) => {
      return unwrap(await client.PATCH('/api/v1/stages/{id}', { params: { path: { id } }, body }));
    },
    onSuccess: refresh,
  });
  const reorder = useMutation({
    mutationFn: async (ids: string[]) => {
      unwrap(await client.PUT('/api/v1/stages/order', { body: { ids } }));
    },
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.stages() });
      const previous = queryClient.getQueryData<StageList>(queryKeys.stages());
      if (previous) {
        const byId = new Map(previous.items.map((stage) => [stage.id, stage]));
        const items = ids.flatMap((id, order): Stage[] => {
          const stage = byId.get(id);
          return stage ? [{ ...stage, order }] : [];
        });
        queryClient.setQueryData<StageList>(queryKeys.stages(), { items });
      }
      return { previous };
    },
    onError: (error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.stages(), context.previous);
      toast.show({ tone: 'error', message: t('settings.stages.reorderFailed', { message: errorText(error) }) });
    },
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: async ({ id, moveTo }: { id: string; moveTo?: string }) => {
      unwrap(
        await client.DELETE('/api/v1/stages/{id}', {
          params: { path: { id }, query: moveTo ? { moveTo } : {} },
        }),
      );
    },
    onSuccess: refresh,
  });
  return { create, update, reorder, remove };
}
