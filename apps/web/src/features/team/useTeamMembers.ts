import type { User } from '@whatrack/api-client';
import { useUsers } from './useUsers';

const NONE: User[] = [];

/** The users to pick an assignee from (empty while they load or if they cannot be listed). */
export function useTeamMembers(): User[] {
  return useUsers().data ?? NONE;
}
