import { createHash } from 'node:crypto';
import type { NormalizedMessage } from './inbound.types';

/** Column sizes of what a message writes (whatsapp_messages, leads). */
const PROVIDER_ID_MAX = 128;
const TYPE_MAX = 32;
const NAME_MAX = 160;
const WA_USER_ID_MAX = 128;
/** ticket_tracking_identifiers.value (the ctwaclid) and ticket_trackings.ad_id. */
const CLICK_ID_MAX = 512;
const AD_ID_MAX = 255;
/** E.164 allows 15 digits; leads.phone holds "+" and 19. */
const PHONE_DIGITS_MAX = 19;
/** WhatsApp did not exist before 2009; a clock more than a day ahead is wrong, not early. */
const EARLIEST_SENT_AT = Date.UTC(2009, 0, 1);
const MAX_CLOCK_SKEW_MS = 24 * 3600_000;

/** At most `max` characters (code points, as PostgreSQL counts them; never half a surrogate pair). */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

/**
 * Fits what a provider sent into the columns it is stored in, so that an odd field never costs the message: an
 * over-long id becomes its digest (still unique, so redeliveries stay no-ops), display fields are cut, a number
 * with stray characters keeps its digits, an absurd timestamp becomes the time it was received. The raw payload
 * is kept untouched beside it.
 */
export function fitMessage(message: NormalizedMessage, receivedAt: Date): NormalizedMessage {
  const digits = message.waId?.replace(/\D/g, '') ?? '';
  const waId = digits.length > 0 && digits.length <= PHONE_DIGITS_MAX ? digits : null;
  const strayId = !waId && message.waId ? `wa_id:${message.waId}` : null;
  const waUserId = message.waUserId ?? strayId;
  const sent = message.sentAt.getTime();
  const sensible =
    Number.isFinite(sent) && sent >= EARLIEST_SENT_AT && sent <= receivedAt.getTime() + MAX_CLOCK_SKEW_MS;
  return {
    ...message,
    providerMessageId:
      message.providerMessageId.length > PROVIDER_ID_MAX
        ? `sha256:${createHash('sha256').update(message.providerMessageId).digest('hex')}`
        : message.providerMessageId,
    type: clip(message.type, TYPE_MAX),
    contactName: message.contactName === null ? null : clip(message.contactName, NAME_MAX),
    waId,
    waUserId: waUserId === null ? null : clip(waUserId, WA_USER_ID_MAX),
    sentAt: sensible ? message.sentAt : receivedAt,
    referral: message.referral && {
      ...message.referral,
      // A click id cut short would no longer match the ad platform's: without it the ticket is still paid/Meta.
      ctwaClid:
        message.referral.ctwaClid && message.referral.ctwaClid.length <= CLICK_ID_MAX
          ? message.referral.ctwaClid
          : null,
      sourceId: message.referral.sourceId === null ? null : clip(message.referral.sourceId, AD_ID_MAX),
    },
  };
}
