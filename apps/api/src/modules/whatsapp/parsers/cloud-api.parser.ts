import { MessageDirection } from '@whatrack/shared';
import type { AdReferral, NormalizedMessage, NormalizedStatus } from '../inbound.types';
import { arr, epochSeconds, type Json, obj, str } from './json';

export interface CloudChange {
  phoneNumberId: string | null;
  messages: NormalizedMessage[];
  statuses: NormalizedStatus[];
}

const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'];

function bodyOf(message: Json, type: string): string | null {
  const part = obj(message[type]);
  if (type === 'text') return str(part?.body);
  if (MEDIA_TYPES.includes(type)) return str(part?.caption) ?? str(part?.filename);
  if (type === 'location') {
    const named = [str(part?.name), str(part?.address)].filter(Boolean).join(' - ');
    return named || [str(part?.latitude), str(part?.longitude)].filter(Boolean).join(',') || null;
  }
  if (type === 'contacts') {
    const names = arr(message.contacts).map((c) => str(obj(obj(c)?.name)?.formatted_name));
    return names.filter(Boolean).join(', ') || null;
  }
  if (type === 'interactive') {
    return str(obj(part?.button_reply)?.title) ?? str(obj(part?.list_reply)?.title) ?? str(obj(part?.nfm_reply)?.body);
  }
  if (type === 'button') return str(part?.text);
  if (type === 'reaction') return str(part?.emoji);
  return null;
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
      body: bodyOf(message, type),
      sentAt: epochSeconds(message.timestamp, now),
      referral: referralOf(message),
      raw: message,
    });
  }
  const statuses: NormalizedStatus[] = [];
  for (const item of arr(value.statuses)) {
    const status = obj(item);
    const id = str(status?.id);
    const state = str(status?.status);
    // Statuses are a short fixed vocabulary (sent, delivered, read, failed...): anything else is not one.
    if (id && state && state.length <= 16) statuses.push({ providerMessageId: id, status: state });
  }
  return { phoneNumberId: str(obj(value.metadata)?.phone_number_id), messages, statuses };
}

/** Every `value` of a Cloud API webhook body whose field is "messages". */
export function cloudChangeValues(body: unknown): Json[] {
  const values: Json[] = [];
  for (const entry of arr(obj(body)?.entry)) {
    for (const change of arr(obj(entry)?.changes)) {
      const c = obj(change);
      const value = obj(c?.value);
      if (value && (c?.field === undefined || c.field === 'messages')) values.push(value);
    }
  }
  return values;
}
