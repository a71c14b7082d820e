import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { TicketDetail } from '@whatrack/api-client';
import {
  applyToColumn,
  applyToDetail,
  applyToList,
  findListItem,
  isInfinite,
  isList,
  type TicketChange,
} from './ticketCache';
import { queryKeys } from '../../api/query-keys';

export type CacheSnapshot = [QueryKey, unknown][];

/** Shows a ticket change in every cached list, Kanban column and detail; returns what to restore on failure. */
export function applyTicketChange(queryClient: QueryClient, id: string, change: TicketChange): CacheSnapshot {
  const lists = queryClient.getQueriesData({ queryKey: queryKeys.tickets.lists() });
  const details = queryClient.getQueriesData({ queryKey: queryKeys.tickets.detail(id) });
  const before = findListItem(
    lists.map(([, data]) => data),
    id,
  );
  for (const [key, data] of lists) {
    const stageId = queryKeys.tickets.boardStageId(key);
    if (stageId && before && isInfinite(data))
      queryClient.setQueryData(key, applyToColumn(data, stageId, before, change));
    else if (isList(data)) queryClient.setQueryData(key, applyToList(data, id, change));
  }
  for (const [key, data] of details) {
    if (data) queryClient.setQueryData(key, applyToDetail(data as TicketDetail, change));
  }
  return [...lists, ...details];
}

export function restoreSnapshot(queryClient: QueryClient, snapshot: CacheSnapshot): void {
  for (const [key, data] of snapshot) queryClient.setQueryData(key, data);
}
