import { useApi } from '../../lib/useApi';

const NONE: string[] = [];

/** The organization's origins (distinct utmSource values), from the smallest possible ticket list. */
export function useOrigins(): string[] {
  const { hooks } = useApi();
  const list = hooks.useQuery('get', '/api/v1/tickets', { params: { query: { pageSize: 1 } } }, { staleTime: 60_000 });
  return list.data?.origins ?? NONE;
}
