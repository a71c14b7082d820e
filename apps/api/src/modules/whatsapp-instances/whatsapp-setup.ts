import { isIP } from 'node:net';
import { isPublicAddress } from '../../common/http/public-address';
import type { AppConfig } from '../../config/app-config';
import type { WhatsappSetupDto, WhatsappSetupItemDto } from './dto/whatsapp-setup.dto';

/**
 * Which server settings the WhatsApp webhooks need, and whether each is set: what the settings page shows instead of
 * Meta's bare 401/403. Values are never exposed, only whether they are present (the public URL is not a secret).
 */
export function whatsappSetupOf(config: AppConfig): WhatsappSetupDto {
  const items: WhatsappSetupItemDto[] = [
    { key: 'public_url', envVar: 'PUBLIC_URL', ok: isReachablePublicUrl(config.publicUrl), cloudApiOnly: false },
    {
      key: 'verify_token',
      envVar: 'WHATSAPP_VERIFY_TOKEN',
      ok: config.whatsappVerifyToken !== null,
      cloudApiOnly: true,
    },
    { key: 'app_secret', envVar: 'WHATSAPP_APP_SECRET', ok: config.whatsappAppSecret !== null, cloudApiOnly: true },
  ];
  return { publicUrl: config.publicUrl, ready: items.every((i) => i.ok), items };
}

/**
 * Meta delivers webhooks only to HTTPS addresses it can reach, and an Evolution server elsewhere needs a reachable
 * host too: https, and a host that is neither a local name nor a non-public IP address. A hostname is not resolved
 * here (a status check, not a guarantee).
 */
export function isReachablePublicUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(host)) return isPublicAddress(host);
  return host.includes('.') && !/(^|\.)(localhost|local|internal|lan|home\.arpa)$/.test(host);
}
