import { queryKeys } from '../../api/query-keys';
import { useApiQuery } from '../../api/useApiQuery';

/** Which server settings the WhatsApp webhooks need and whether each is set (they change only with a restart). */
export function useWhatsappSetup() {
  return useApiQuery(queryKeys.whatsappSetup(), { staleTime: 5 * 60_000 });
}
