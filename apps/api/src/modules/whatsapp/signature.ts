import { createHmac, timingSafeEqual } from 'node:crypto';

/** Exactly "sha256=" and 64 hex digits: nothing after them, not two headers joined with a comma. */
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/** Checks Meta's X-Hub-Signature-256 ("sha256=<hex HMAC of the raw body with the app secret>") in constant time. */
export function isValidMetaSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  const hex = header ? SIGNATURE.exec(header)?.[1] : undefined;
  if (!hex) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(hex, 'hex'), expected);
}

export function metaSignature(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}
