import { isValidMetaSignature, metaSignature } from './signature';

describe('isValidMetaSignature', () => {
  const secret = 'app-secret';
  const body = Buffer.from('{"entry":[]}');

  it('accepts the HMAC of the exact bytes', () => {
    expect(isValidMetaSignature(body, metaSignature(body, secret), secret)).toBe(true);
  });

  it('rejects a changed byte, another secret, a malformed or missing header', () => {
    expect(isValidMetaSignature(Buffer.from('{"entry":[ ]}'), metaSignature(body, secret), secret)).toBe(false);
    expect(isValidMetaSignature(body, metaSignature(body, 'other'), secret)).toBe(false);
    expect(isValidMetaSignature(body, 'sha256=zz', secret)).toBe(false);
    expect(isValidMetaSignature(body, metaSignature(body, secret).replace('sha256=', 'sha1='), secret)).toBe(false);
    expect(isValidMetaSignature(body, undefined, secret)).toBe(false);
  });
});
