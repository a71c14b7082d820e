import type { WhatsappTemplate } from '@whatrack/api-client';
import { queryKeys } from '../../api/query-keys';
import { useApiQuery } from '../../api/useApiQuery';

/** An approved template of the line's WhatsApp Business Account, as GET /whatsapp-instances/{id}/templates lists it. */
export type ReplyTemplate = WhatsappTemplate;

export interface ReplyTemplatesResult {
  data: { items: ReplyTemplate[] } | undefined;
  isLoading: boolean;
  error: unknown;
  refetch?: () => unknown;
}

/** The templates the line can send, fetched only when the picker is shown (`enabled`). */
export function useReplyTemplates(instanceId: string, enabled: boolean): ReplyTemplatesResult {
  const query = useApiQuery(queryKeys.whatsappTemplates(instanceId), { enabled, staleTime: 5 * 60_000 });
  return { data: query.data, isLoading: query.isLoading, error: query.error, refetch: () => query.refetch() };
}
