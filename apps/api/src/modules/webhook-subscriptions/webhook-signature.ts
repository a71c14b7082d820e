import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The headers every delivery carries (documented in Swagger on the subscriptions' routes). */
export const WEBHOOK_HEADERS = {
  event: 'X-WhaTrack-Event',
  delivery: 'X-WhaTrack-Delivery',
  timestamp: 'X-WhaTrack-Timestamp',
  signature: 'X-WhaTrack-Signature',
} as const;

const SECRET_PREFIX = 'whsec_';

/** A new signing secret: 32 random bytes, prefixed so it is recognizable where it gets pasted. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * `v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`: the timestamp (unix seconds) is signed with the body so
 * a receiver that rejects old timestamps also rejects a replayed request.
 */
export function webhookSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** What a receiver does (used by the tests): the signature matches and the timestamp is within `toleranceSeconds`. */
export function verifyWebhookSignature(
  secret: string,
  headers: { timestamp: string; signature: string },
  rawBody: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(webhookSignature(secret, timestamp, rawBody));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
