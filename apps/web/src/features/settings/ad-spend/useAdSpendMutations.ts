import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@whatrack/api-client';
import { useApi } from '../../../lib/useApi';
import { queryKeys } from '../../../api/query-keys';

/** Import a spend CSV (multipart) and delete an imported row; both reload the list and its total. */
export function useAdSpendMutations() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.adSpend.all() });
  const importFile = useMutation({
    mutationFn: async (upload: File) =>
      unwrap(
        await client.POST('/api/v1/ad-spend', {
          body: { file: upload.name },
          bodySerializer: () => {
            const form = new FormData();
            form.append('file', upload);
            return form;
          },
        }),
      ),
    onSuccess: () => void refresh(),
  });
  const remove = useMutation({
    mutationFn: async (id: string) => {
      unwrap(await client.DELETE('/api/v1/ad-spend/{id}', { params: { path: { id } } }));
    },
    onSuccess: () => void refresh(),
  });
  return { importFile, remove };
}
