import type { Location } from 'react-router-dom';

export const HOME_PATH = '/dashboard/tickets';

interface RedirectState {
  from?: Pick<Location, 'pathname' | 'search' | 'hash'>;
}

/** Where to go after signing in: back to the protected page that sent us to /login, or home. */
export function redirectTarget(location: Pick<Location, 'state'>): string {
  const from = (location.state as RedirectState | null)?.from;
  if (!from || !from.pathname.startsWith('/dashboard')) return HOME_PATH;
  return `${from.pathname}${from.search}${from.hash}`;
}
