import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { TicketDetail } from '@whatrack/api-client';
import {
  BOARD_KEY_MARK,
  TICKET_LISTS_KEY,
  applyToColumn,
  applyToDetail,
  applyToList,
  findListItem,
  isInfinite,
  isList,
  ticketDetailKey,
  type TicketChange,
} from './ticketCache';

/** The stage a Kanban column query is about (its key is `['get', '/api/v1/tickets', {params: {query}}, 'board']`). */
function columnStageId(key: QueryKey): string | undefined {
  if (key[3] !== BOARD_KEY_MARK) return undefined;
  const init = key[2] as { params?: { query?: { stageId?: string } } } | undefined;
  return init?.params?.query?.stageId;
}

export type CacheSnapshot = [QueryKey, unknown][];

/** Shows a ticket change in every cached list, Kanban column and detail; returns what to restore on failure. */
export function applyTicketChange(queryClient: QueryClient, id: string, change: TicketChange): CacheSnapshot {
  const lists = queryClient.getQueriesData({ queryKey: TICKET_LISTS_KEY });
  const details = queryClient.getQueriesData({ queryKey: ticketDetailKey(id) });
  const before = findListItem(
    lists.map(([, data]) => data),
    id,
  );
  for (const [key, data] of lists) {
    const stageId = columnStageId(key);
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
