import type { QuickReply, QuickReplyList } from '@whatrack/api-client';
import { queryKeys } from '../../api/query-keys';
import { useApiQuery } from '../../api/useApiQuery';

const items = (data: QuickReplyList): QuickReply[] => data.items;

/** The organization's quick replies, by shortcut; `enabled` false until something shows them. */
export function useQuickReplies(enabled = true) {
  return useApiQuery(queryKeys.quickReplies(), { enabled, staleTime: 60_000, select: items });
}
