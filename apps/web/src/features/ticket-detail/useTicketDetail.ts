import { useApi } from '../../lib/useApi';

export function useTicketDetail(id: string) {
  const { hooks } = useApi();
  return hooks.useQuery('get', '/api/v1/tickets/{id}', { params: { path: { id } } });
}
