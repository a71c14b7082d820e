import { REDACTED, redactUrl } from './log-redaction';

describe('redactUrl', () => {
  it('hides the values of credential-bearing query parameters and keeps the rest', () => {
    expect(redactUrl('/api/v1/webhooks/whatsapp/evolution/abc?token=s3cret&x=1')).toBe(
      `/api/v1/webhooks/whatsapp/evolution/abc?token=${REDACTED}&x=1`,
    );
    expect(redactUrl('/cloud?hub.mode=subscribe&hub.verify_token=t0k&hub.challenge=9')).toBe(
      `/cloud?hub.mode=subscribe&hub.verify_token=${REDACTED}&hub.challenge=9`,
    );
    expect(redactUrl('/x?TOKEN=a&Api_Key=b&access%5Ftoken=c')).toBe(
      `/x?TOKEN=${REDACTED}&Api_Key=${REDACTED}&access%5Ftoken=${REDACTED}`,
    );
  });

  it('leaves URLs without secrets untouched', () => {
    expect(redactUrl('/api/v1/tickets?q=ana&page=2')).toBe('/api/v1/tickets?q=ana&page=2');
    expect(redactUrl('/api/v1/tickets')).toBe('/api/v1/tickets');
  });
});
