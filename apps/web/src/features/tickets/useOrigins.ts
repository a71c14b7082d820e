import { queryKeys } from '../../api/query-keys';
import { useApiQuery } from '../../api/useApiQuery';

const NONE: string[] = [];

/** The organization's origins (distinct utmSource values), from the smallest possible ticket list. */
export function useOrigins(): string[] {
  const list = useApiQuery(queryKeys.tickets.list({ pageSize: 1 }), { staleTime: 60_000 });
  return list.data?.origins ?? NONE;
}
