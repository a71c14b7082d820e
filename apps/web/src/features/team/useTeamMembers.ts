import type { User } from '@whatrack/api-client';
import { useMemo } from 'react';
import { useUsers } from './useUsers';

const NONE: User[] = [];

/** The users to pick an assignee from: active ones only (empty while they load or if they cannot be listed). */
export function useTeamMembers(): User[] {
  const data = useUsers().data;
  return useMemo(() => data?.filter((user) => user.active) ?? NONE, [data]);
}
