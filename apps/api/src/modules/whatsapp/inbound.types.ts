import type { MessageDirection } from '@whatrack/shared';

/** Click-to-WhatsApp ad attribution carried by a message. */
export interface AdReferral {
  ctwaClid: string | null;
  sourceId: string | null;
  sourceUrl: string | null;
  headline: string | null;
}

/** A WhatsApp message, provider-neutral, ready to be ingested into an instance. */
export interface NormalizedMessage {
  providerMessageId: string;
  direction: MessageDirection;
  /** The lead's WhatsApp number as digits (wa_id), when known. */
  waId: string | null;
  /** The lead's business-scoped user id (Cloud API user_id) or another stable id, when there is no number. */
  waUserId: string | null;
  contactName: string | null;
  type: string;
  body: string | null;
  sentAt: Date;
  referral: AdReferral | null;
  raw: Record<string, unknown>;
}

/** A delivery status of an outbound message: sent, delivered, read, played or failed (with the provider's error). */
export interface NormalizedStatus {
  providerMessageId: string;
  status: string;
  errorCode?: string | null;
  errorTitle?: string | null;
}
