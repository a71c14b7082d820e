import type { IconName } from './Icon';

export const NAV_ITEMS = [
  { to: '/dashboard/tickets', label: 'nav.tickets', icon: 'tickets' },
  { to: '/dashboard/kanban', label: 'nav.kanban', icon: 'kanban' },
  { to: '/dashboard/inbounds', label: 'nav.inbounds', icon: 'inbounds' },
  { to: '/dashboard/reports', label: 'nav.reports', icon: 'reports' },
  { to: '/dashboard/settings', label: 'nav.settings', icon: 'settings' },
] as const satisfies readonly { to: string; label: `nav.${string}`; icon: IconName }[];
