import { queryKeys } from '../../api/query-keys';
import { useApiQuery } from '../../api/useApiQuery';

/** The organization's WhatsApp lines, oldest first (the first one receives tickets created without a line). */
export function useWhatsappInstances() {
  return useApiQuery(queryKeys.whatsappInstances(), { staleTime: 60_000 });
}
