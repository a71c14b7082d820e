import type { ReplyPayload } from '../reply-payload';

/** Where a reply goes and with which (decrypted) credentials. */
export interface SendTarget {
  /** The recipient's number as digits, country code first (WhatsApp's wa_id form). */
  to: string;
  /** Cloud API: phone_number_id. Evolution: the instance name on the gateway. */
  providerPhoneNumberId: string;
  accessToken: string | null;
  apiUrl: string | null;
  apiKey: string | null;
}

/** One provider's way of sending; throws DeliveryError. */
export interface ReplySender {
  send(target: SendTarget, payload: ReplyPayload): Promise<{ providerMessageId: string }>;
}
