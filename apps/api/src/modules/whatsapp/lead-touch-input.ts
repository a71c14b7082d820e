import type { NewLeadTouch, TouchSource } from '../leads/lead-touches.sql';
import { obj, str } from './parsers/json';
import type { NormalizedMessage } from './inbound.types';

/** What attribution found in a message, as the touch to record (the tracking-link click's UTMs included). */
export type FoundTouch = TouchSource;

/**
 * A referral's source type as the provider sends it: Cloud API `referral.source_type` ('ad' or 'post', Meta's
 * messages webhook reference), Evolution/Baileys `contextInfo.externalAdReply.sourceType` (its ExternalAdReplyInfo).
 * Read from the raw message so the parsers keep their shape.
 */
export function referralSourceType(message: NormalizedMessage): string | null {
  const raw = message.raw;
  const cloud = str(obj(raw.referral)?.source_type);
  if (cloud) return cloud.toLowerCase();
  const extended = obj(obj(raw.message)?.extendedTextMessage);
  const contextInfo = obj(raw.contextInfo) ?? obj(extended?.contextInfo);
  const evolution = str(obj(contextInfo?.externalAdReply)?.sourceType);
  return evolution ? evolution.toLowerCase() : null;
}

/** Only an ad is paid: a referral from a post (or of no stated type but an ad's fields) is judged by source_type. */
export function isPaidReferral(sourceType: string | null): boolean {
  return sourceType !== 'post';
}

export function leadTouch(
  organizationId: string,
  leadId: string,
  message: NormalizedMessage,
  found: FoundTouch,
): NewLeadTouch {
  return {
    organizationId,
    leadId,
    ...found,
    touchedAt: message.sentAt,
    providerMessageId: message.providerMessageId,
  };
}
