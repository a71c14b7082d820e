import type { User, UserList } from '@whatrack/api-client';
import { useApi } from '../../lib/useApi';

const byName = (data: UserList): User[] => [...data.items].sort((a, b) => a.name.localeCompare(b.name));

/** The organization's users (assignees), by name. */
export function useUsers() {
  const { hooks } = useApi();
  return hooks.useQuery('get', '/api/v1/users', undefined, { select: byName, staleTime: 60_000 });
}
