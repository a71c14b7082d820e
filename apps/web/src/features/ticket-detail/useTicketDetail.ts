import { queryKeys } from '../../api/query-keys';
import { useApiQuery } from '../../api/useApiQuery';

export function useTicketDetail(id: string) {
  return useApiQuery(queryKeys.tickets.detail(id));
}
