import type { WhatsappInstance } from '@whatrack/api-client';

/**
 * Where the provider must send the line's events. The API does not return these URLs yet (a later version adds
 * them to the instance): until then they are built from the documented routes, on the address the app is served from.
 */
export function webhookUrl(instance: Pick<WhatsappInstance, 'id' | 'provider'>, origin: string): string {
  const base = `${origin.replace(/\/+$/, '')}/api/v1/webhooks/whatsapp`;
  return instance.provider === 'cloud_api' ? `${base}/cloud` : `${base}/evolution/${instance.id}`;
}
