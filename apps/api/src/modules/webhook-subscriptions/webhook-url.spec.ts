import { InvalidInputError } from '../../common/errors/domain-errors';
import { assertWebhookUrl } from './webhook-url';

async function refusal(url: string, allowPrivate = false): Promise<{ field: string; code: string } | null> {
  try {
    await assertWebhookUrl(url, allowPrivate);
    return null;
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const [detail] = error.details as { field: string; code: string }[];
    return { field: detail.field, code: detail.code };
  }
}

describe('assertWebhookUrl', () => {
  it('asks for https to a public address, naming url', async () => {
    expect(await refusal('http://93.184.216.34/hook')).toEqual({ field: 'url', code: 'https_required' });
    for (const url of [
      'https://127.0.0.1/hook',
      'https://10.0.0.7',
      'https://169.254.169.254/',
      'https://[::1]:8443',
    ]) {
      expect(await refusal(url)).toEqual({ field: 'url', code: 'private_target' });
    }
    expect(await refusal('https://user:pw@93.184.216.34')).toEqual({ field: 'url', code: 'credentials_in_url' });
    expect(await refusal('https://93.184.216.34/hook')).toBeNull();
  });

  it('lets http and loopback through with WEBHOOKS_ALLOW_PRIVATE_URLS, never another scheme', async () => {
    expect(await refusal('http://127.0.0.1:8080/hook', true)).toBeNull();
    expect(await refusal('ftp://127.0.0.1/hook', true)).toEqual({ field: 'url', code: 'invalid_url' });
  });
});
