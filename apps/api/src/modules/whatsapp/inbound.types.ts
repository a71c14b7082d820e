import type { MessageDirection } from '@whatrack/shared';
import type { MessageContent, StoredContext } from '../conversations/message-content.types';

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
  /** What the message carries besides its text (location, contacts, order...); null for plain text. */
  content?: MessageContent | null;
  /** The message it quotes, and whether it was forwarded. */
  context?: StoredContext | null;
  /** Not a message of its own: it acts on another message or on the lead (see message-events.ts). */
  event?: MessageEvent | null;
}

/**
 * A delivery that is not a chat message: a reaction to a message (empty emoji: removed), a message deleted for
 * everyone, or WhatsApp telling that the lead's number or business-scoped user id changed.
 */
export type MessageEvent =
  | { kind: 'reaction'; targetProviderMessageId: string; emoji: string | null }
  | { kind: 'revoke'; targetProviderMessageId: string }
  | {
      kind: 'identity';
      /** The ids the lead had (how we find it) and has now. */
      previous: { waId: string | null; waUserId: string | null };
      next: { waId: string | null; waUserId: string | null };
    };

/** A delivery status of an outbound message: sent, delivered, read, played or failed (with the provider's error). */
export interface NormalizedStatus {
  providerMessageId: string;
  status: string;
  errorCode?: string | null;
  errorTitle?: string | null;
}
