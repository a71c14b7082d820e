import { assertPublicUrl } from '../../common/http/public-target';
import { InvalidInputError } from '../../common/errors/domain-errors';

/**
 * A subscription URL: https to a host that resolves only to public addresses, unless WEBHOOKS_ALLOW_PRIVATE_URLS
 * (then http and loopback are fine too). The address is checked again at each send (publicExchange).
 */
export async function assertWebhookUrl(value: string, allowPrivate: boolean): Promise<void> {
  if (!allowPrivate && !/^https:\/\//i.test(value)) {
    throw InvalidInputError.field('url', 'url must be an https:// URL', 'https_required');
  }
  await assertPublicUrl(value, 'url', allowPrivate);
}
