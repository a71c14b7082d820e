import type { User, UserList } from '@whatrack/api-client';
import { queryKeys } from '../../api/query-keys';
import { useApiQuery } from '../../api/useApiQuery';

const byName = (data: UserList): User[] => [...data.items].sort((a, b) => a.name.localeCompare(b.name));

/** The organization's users (assignees), by name. */
export function useUsers() {
  return useApiQuery(queryKeys.users(), { select: byName, staleTime: 60_000 });
}
