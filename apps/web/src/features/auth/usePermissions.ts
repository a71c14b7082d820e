import { useAuthenticatedSession } from './useAuthenticatedSession';

export interface Permissions {
  /** Owners and admins manage the team, API keys, WhatsApp lines and the organization. */
  canManage: boolean;
}

export function usePermissions(): Permissions {
  const { user } = useAuthenticatedSession();
  return { canManage: user?.role === 'owner' || user?.role === 'admin' };
}
