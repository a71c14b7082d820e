import type { WhatsappInstance } from '@whatrack/api-client';

/**
 * Where the provider must send the line's events: the URL the API gives (built on its PUBLIC_URL), or, from an API
 * that does not give it, the documented route on the address the app is served from.
 */
export function webhookUrl(
  instance: Pick<WhatsappInstance, 'id' | 'provider'> & { webhookUrl?: string | null },
  origin: string,
): string {
  if (instance.webhookUrl) return instance.webhookUrl;
  const base = `${origin.replace(/\/+$/, '')}/api/v1/webhooks/whatsapp`;
  return instance.provider === 'cloud_api' ? `${base}/cloud` : `${base}/evolution/${instance.id}`;
}
