import { createHmac } from 'node:crypto';
import { newWebhookSecret, verifyWebhookSignature, webhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = newWebhookSecret();
  const body = '{"id":"1","type":"ping"}';

  it('signs "<timestamp>.<body>" with HMAC-SHA256 in hex', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(webhookSignature(secret, 1700000000, body)).toBe(`v1=${expected}`);
  });

  it('verifies a fresh signature and refuses another body, secret or an old timestamp', () => {
    const signature = webhookSignature(secret, 1700000000, body);
    const headers = { timestamp: '1700000000', signature };
    expect(verifyWebhookSignature(secret, headers, body, 1700000100)).toBe(true);
    expect(verifyWebhookSignature(secret, headers, `${body} `, 1700000100)).toBe(false);
    expect(verifyWebhookSignature(newWebhookSecret(), headers, body, 1700000100)).toBe(false);
    expect(verifyWebhookSignature(secret, headers, body, 1700000000 + 301)).toBe(false);
  });

  it('generates distinct, prefixed secrets', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
