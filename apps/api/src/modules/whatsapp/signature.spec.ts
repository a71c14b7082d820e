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

describe('isValidMetaSignature, exactly 64 hex digits', () => {
  const secret = 'app-secret';
  const body = Buffer.from('{"entry":[]}');
  const good = metaSignature(body, secret);

  it('rejects trailing garbage after the digest, which Buffer.from(hex) would silently drop', () => {
    expect(isValidMetaSignature(body, `${good}zz`, secret)).toBe(false);
    expect(isValidMetaSignature(body, `${good} `, secret)).toBe(false);
    expect(isValidMetaSignature(body, `${good}00`, secret)).toBe(false);
  });

  it('rejects two signature headers joined into one', () => {
    expect(isValidMetaSignature(body, `${good}, ${good}`, secret)).toBe(false);
  });

  it('accepts upper-case hex', () => {
    expect(isValidMetaSignature(body, `sha256=${good.slice(7).toUpperCase()}`, secret)).toBe(true);
  });
});
