import type { MessageContent, SharedContact, StoredContext } from '../../conversations/message-content.types';
import type { MessageEvent } from '../inbound.types';
import { orderOf, parseJsonObject, summaryOf } from './content-summary';
import { arr, type Json, num, obj, str } from './json';

/**
 * The content of one Cloud API `messages[]` item, by type, as Meta's "messages" webhook reference documents each one
 * (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/<type>).
 */
export interface CloudContent {
  content: MessageContent | null;
  context: StoredContext | null;
  body: string | null;
  event: MessageEvent | null;
}

function contactsOf(message: Json): SharedContact[] {
  return arr(message.contacts).flatMap((item) => {
    const c = obj(item);
    if (!c) return [];
    const name = obj(c.name);
    const formatted =
      str(name?.formatted_name) ?? ([str(name?.first_name), str(name?.last_name)].filter(Boolean).join(' ') || '');
    return [
      {
        name: formatted,
        phones: arr(c.phones).flatMap((p) => {
          const phone = obj(p);
          const value = str(phone?.phone) ?? str(phone?.wa_id);
          return value ? [{ phone: value, type: str(phone?.type), waId: str(phone?.wa_id) }] : [];
        }),
        emails: arr(c.emails).flatMap((e) => str(obj(e)?.email) ?? []),
        organization: str(obj(c.org)?.company),
      },
    ];
  });
}

function interactiveOf(part: Json | null): MessageContent['interactive'] | undefined {
  const kind = str(part?.type);
  if (kind === 'button_reply' || kind === 'list_reply') {
    const reply = obj(part?.[kind]);
    return {
      kind,
      id: str(reply?.id),
      title: str(reply?.title),
      description: str(reply?.description),
      response: null,
    };
  }
  if (kind === 'nfm_reply') {
    // WhatsApp Flows (and address messages): the answers come as a JSON string in response_json.
    const reply = obj(part?.nfm_reply);
    return {
      kind: 'flow_reply',
      id: str(reply?.name),
      title: str(reply?.body),
      description: null,
      response: parseJsonObject(reply?.response_json),
    };
  }
  return undefined;
}

function contentOf(message: Json, type: string): MessageContent | null {
  const part = obj(message[type]);
  switch (type) {
    case 'image':
    case 'video':
    case 'sticker':
      return { caption: str(part?.caption) };
    case 'audio':
      return { voice: part?.voice === true };
    case 'document':
      return { caption: str(part?.caption), fileName: str(part?.filename) };
    case 'location': {
      const latitude = num(part?.latitude);
      const longitude = num(part?.longitude);
      if (latitude === null || longitude === null) return null;
      return {
        location: { latitude, longitude, name: str(part?.name), address: str(part?.address), url: str(part?.url) },
      };
    }
    case 'contacts':
      return { contacts: contactsOf(message) };
    case 'interactive': {
      const interactive = interactiveOf(part);
      return interactive ? { interactive } : null;
    }
    case 'button':
      // A template's quick-reply button: `payload` is what the business set, `text` what the lead tapped.
      return {
        interactive: {
          kind: 'button',
          id: str(part?.payload),
          title: str(part?.text),
          description: null,
          response: null,
        },
      };
    case 'order': {
      const items = arr(part?.product_items).flatMap((item) => {
        const p = obj(item);
        const id = str(p?.product_retailer_id);
        if (!id) return [];
        return [
          {
            productRetailerId: id,
            quantity: num(p?.quantity) ?? 1,
            itemPrice: num(p?.item_price) ?? 0,
            currency: str(p?.currency) ?? '',
          },
        ];
      });
      return { order: orderOf(str(part?.catalog_id), str(part?.text), items, null) };
    }
    case 'system':
      return { system: { kind: systemKind(str(part?.type)), body: str(part?.body) } };
    case 'unsupported':
    case 'unknown': {
      const error = obj(arr(message.errors)[0]);
      // The title says why; unsupported.type, when Meta names it, what the lead sent (poll, edit, pin...).
      const reason = str(error?.title) ?? str(error?.message);
      const what = str(part?.type);
      return { unsupported: { reason: reason && what ? `${reason} (${what})` : (reason ?? what) } };
    }
    default:
      return null;
  }
}

/** Meta's system.type values (user_changed_number, user_changed_user_id; older: customer_changed_number...). */
function systemKind(type: string | null): string {
  if (type === 'user_changed_number' || type === 'customer_changed_number') return 'number_changed';
  if (type === 'user_changed_user_id') return 'user_id_changed';
  if (type === 'customer_identity_changed' || type === 'user_identity_changed') return 'identity_changed';
  return type ?? 'unknown';
}

/** `context`: the message replied to (its wamid in `id`) and the forwarded flags. */
function contextOf(message: Json): StoredContext | null {
  const context = obj(message.context);
  if (!context) return null;
  const frequentlyForwarded = context.frequently_forwarded === true;
  return {
    quotedProviderMessageId: str(context.id),
    quotedBody: null,
    quotedType: null,
    forwarded: context.forwarded === true || frequentlyForwarded,
    frequentlyForwarded,
  };
}

/**
 * A reaction (a message of its own with `reaction.message_id` and `emoji`, no emoji when removed) and an identity
 * change (`system`: user_changed_number names the new number in system.wa_id, the old one in `from`;
 * user_changed_user_id names the new BSUID in system.user_id and the old one in system.previous_user_id).
 */
function eventOf(message: Json, type: string): MessageEvent | null {
  const part = obj(message[type]);
  if (type === 'reaction') {
    const target = str(part?.message_id);
    return target ? { kind: 'reaction', targetProviderMessageId: target, emoji: str(part?.emoji) } : null;
  }
  if (type !== 'system') return null;
  const kind = systemKind(str(part?.type));
  if (kind !== 'number_changed' && kind !== 'user_id_changed') return null;
  return {
    kind: 'identity',
    previous: {
      waId: str(message.from),
      waUserId: str(part?.previous_user_id) ?? str(message.from_user_id),
    },
    next: {
      waId: kind === 'number_changed' ? (str(part?.wa_id) ?? str(part?.new_wa_id)) : str(message.from),
      waUserId: str(part?.user_id),
    },
  };
}

export function cloudContent(message: Json, type: string): CloudContent {
  const content = contentOf(message, type);
  return {
    content,
    context: contextOf(message),
    body: summaryOf(type, content, type === 'text' ? str(obj(message.text)?.body) : null),
    event: eventOf(message, type),
  };
}
