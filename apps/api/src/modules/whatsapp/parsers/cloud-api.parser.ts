import { MessageDirection } from '@whatrack/shared';
import type { AdReferral, NormalizedMessage, NormalizedStatus } from '../inbound.types';
import { cloudContent } from './cloud-content';
import { arr, epochSeconds, type Json, obj, str } from './json';

export interface CloudChange {
  phoneNumberId: string | null;
  messages: NormalizedMessage[];
  statuses: NormalizedStatus[];
}

/** The statuses Meta sends for a business message (a "deleted" or unknown one is not a delivery status). */
const CLOUD_STATUSES = ['sent', 'delivered', 'read', 'played', 'failed'];

/**
 * Coexistence echoes (field smb_message_echoes): messages the business sent from the WhatsApp Business app on a
 * number also connected to the Cloud API, `from` the business `to` the lead. Stored as outbound messages of the
 * lead's conversation; they do not open the 24-hour window (only the lead's messages do).
 */
function echoesOf(value: Json, now: Date): NormalizedMessage[] {
  const echoes: NormalizedMessage[] = [];
  for (const item of arr(value.message_echoes)) {
    const echo = obj(item);
    const id = str(echo?.id);
    if (!echo || !id) continue;
    const type = str(echo.type) ?? 'unknown';
    echoes.push({
      providerMessageId: id,
      direction: MessageDirection.OUT,
      waId: str(echo.to),
      waUserId: str(echo.to_user_id),
      contactName: null,
      type,
      sentAt: epochSeconds(echo.timestamp, now),
      referral: null,
      raw: echo,
      ...cloudContent(echo, type),
    });
  }
  return echoes;
}

function referralOf(message: Json): AdReferral | null {
  const referral = obj(message.referral);
  if (!referral) return null;
  return {
    ctwaClid: str(referral.ctwa_clid),
    sourceId: str(referral.source_id),
    sourceUrl: str(referral.source_url),
    headline: str(referral.headline),
  };
}

/**
 * "Deleted for everyone" by the lead. Meta's Cloud API reference documents no webhook for it (nothing arrives in
 * most cases); the On-Premises API, whose statuses Cloud API inherited, sends a status `deleted` on the lead's own
 * message id ("A message sent by the customer was deleted by the customer"), and BSPs relay it as such. When it
 * comes, it marks that message deleted (message-events.ts); it is never a delivery status of ours.
 */
function deletedByLead(id: string, status: Json, now: Date): NormalizedMessage {
  return {
    providerMessageId: `deleted:${id}`,
    direction: MessageDirection.IN,
    waId: str(status.recipient_id),
    waUserId: str(status.recipient_user_id),
    contactName: null,
    type: 'revoke',
    body: null,
    sentAt: epochSeconds(status.timestamp, now),
    referral: null,
    raw: status,
    event: { kind: 'revoke', targetProviderMessageId: id },
  };
}

/** The `value` of one `entry[].changes[]` of a Cloud API webhook, provider-neutral. */
export function parseCloudChange(value: Json, now: Date): CloudChange {
  const contacts = arr(value.contacts)
    .map(obj)
    .filter((c): c is Json => c !== null);
  const contactFor = (message: Json): Json | undefined =>
    contacts.find(
      (c) =>
        (str(c.wa_id) && str(c.wa_id) === str(message.from)) ||
        (str(c.user_id) && str(c.user_id) === str(message.from_user_id)),
    ) ?? (contacts.length === 1 ? contacts[0] : undefined);

  const messages: NormalizedMessage[] = [];
  for (const item of arr(value.messages)) {
    const message = obj(item);
    const id = str(message?.id);
    if (!message || !id) continue;
    const contact = contactFor(message);
    const type = str(message.type) ?? 'unknown';
    messages.push({
      providerMessageId: id,
      direction: MessageDirection.IN,
      waId: str(message.from) ?? str(contact?.wa_id),
      waUserId: str(message.from_user_id) ?? str(contact?.user_id),
      contactName: str(obj(contact?.profile)?.name),
      type,
      sentAt: epochSeconds(message.timestamp, now),
      referral: referralOf(message),
      raw: message,
      ...cloudContent(message, type),
    });
  }
  messages.push(...echoesOf(value, now));
  const statuses: NormalizedStatus[] = [];
  for (const item of arr(value.statuses)) {
    const status = obj(item);
    const id = str(status?.id);
    const state = str(status?.status);
    if (id && state === 'deleted') {
      messages.push(deletedByLead(id, status!, now));
      continue;
    }
    if (!id || !state || !CLOUD_STATUSES.includes(state)) continue;
    const error = obj(arr(status?.errors)[0]);
    const code = error?.code;
    statuses.push({
      providerMessageId: id,
      status: state,
      errorCode: typeof code === 'number' || typeof code === 'string' ? String(code).slice(0, 32) : null,
      errorTitle: str(error?.title) ?? str(error?.message) ?? str(obj(error?.error_data)?.details),
    });
  }
  return { phoneNumberId: str(obj(value.metadata)?.phone_number_id), messages, statuses };
}

/** Every `value` of a Cloud API webhook body whose field is "messages" or "smb_message_echoes". */
export function cloudChangeValues(body: unknown): Json[] {
  const values: Json[] = [];
  for (const entry of arr(obj(body)?.entry)) {
    for (const change of arr(obj(entry)?.changes)) {
      const c = obj(change);
      const value = obj(c?.value);
      if (value && (c?.field === undefined || c.field === 'messages' || c.field === 'smb_message_echoes')) {
        values.push(value);
      }
    }
  }
  return values;
}
