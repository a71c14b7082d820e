export const SETTINGS_SECTIONS = [
  { path: 'stages', label: 'settings.nav.stages', managersOnly: false },
  { path: 'whatsapp', label: 'settings.nav.whatsapp', managersOnly: false },
  { path: 'quick-replies', label: 'quickReplies.nav', managersOnly: false },
  { path: 'team', label: 'settings.nav.team', managersOnly: false },
  { path: 'api-keys', label: 'settings.nav.apiKeys', managersOnly: true },
  { path: 'webhooks', label: 'webhooks.nav', managersOnly: true },
  { path: 'ad-spend', label: 'settings.nav.adSpend', managersOnly: false },
  { path: 'conversions', label: 'settings.nav.conversions', managersOnly: false },
  { path: 'tracking-links', label: 'trackingLinks.nav', managersOnly: false },
  { path: 'webhook-events', label: 'webhookEvents.nav', managersOnly: true },
  { path: 'organization', label: 'settings.nav.organization', managersOnly: false },
] as const satisfies readonly {
  path: string;
  label: `settings.nav.${string}` | 'quickReplies.nav' | 'webhooks.nav' | 'trackingLinks.nav' | 'webhookEvents.nav';
  managersOnly: boolean;
}[];
