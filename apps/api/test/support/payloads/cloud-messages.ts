/**
 * Cloud API webhook bodies of every inbound message type, in the shapes of Meta's "messages" webhook reference
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages and its
 * per-type pages .../messages/<type>/: text, image, audio, video, document, sticker, location, contacts,
 * interactive, button, order, reaction, system, unsupported). Values are ours (Brazilian numbers, our wamids);
 * the field names, nesting and value types are Meta's. Each builder answers a fresh body.
 */
import { CLOUD_DISPLAY_NUMBER, CLOUD_PHONE_NUMBER_ID } from '../whatsapp-payloads';

type Json = Record<string, unknown>;

export interface CloudFrom {
  id: string;
  /** The lead's number (wa_id / from); default 5511999998888. */
  waId?: string;
  name?: string;
  timestamp?: number;
  /** Cloud `context`: a reply (id of the quoted wamid) or a forward. */
  context?: { id?: string; from?: string; forwarded?: boolean; frequentlyForwarded?: boolean };
}

export const CLOUD_LEAD = '5511999998888';

/** The envelope every messages webhook shares (reference/messages: "Payload structures"). */
export function cloudBody(value: Json): Json {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: CLOUD_DISPLAY_NUMBER, phone_number_id: CLOUD_PHONE_NUMBER_ID },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

function message(o: CloudFrom, type: string, part: Json, extra: Json = {}): Json {
  const waId = o.waId ?? CLOUD_LEAD;
  const msg: Json = {
    from: waId,
    id: o.id,
    timestamp: String(o.timestamp ?? 1767268800),
    type,
    [type]: part,
    ...extra,
  };
  if (o.context) {
    // reference/messages/text "Sample webhooks": a reply carries context.from and context.id; a forward carries
    // context.forwarded or context.frequently_forwarded (forwarded more than five times).
    const context: Json = {};
    if (o.context.from || o.context.id) context.from = o.context.from ?? CLOUD_DISPLAY_NUMBER;
    if (o.context.id) context.id = o.context.id;
    if (o.context.forwarded) context.forwarded = true;
    if (o.context.frequentlyForwarded) context.frequently_forwarded = true;
    msg.context = context;
  }
  return cloudBody({ contacts: [{ profile: { name: o.name ?? 'João Silva' }, wa_id: waId }], messages: [msg] });
}

export const cloudTextMessage = (o: CloudFrom & { text: string }) => message(o, 'text', { body: o.text });

/** reference/messages/image: caption, mime_type, sha256, id. */
export const cloudImageMessage = (o: CloudFrom) =>
  message(o, 'image', {
    caption: 'Foto do tênis que eu quero',
    mime_type: 'image/jpeg',
    sha256: 'HgBRfyVlBIUV5ZPjbLIRfHm6aDbLwaYNO2PVWQt9V7Q=',
    id: '1003383421387256',
  });

/** reference/messages/audio: a voice note has voice: true. */
export const cloudVoiceMessage = (o: CloudFrom) =>
  message(o, 'audio', {
    mime_type: 'audio/ogg; codecs=opus',
    sha256: 'kSdqPBj5Rx2eT+1jF2A0fGIwCZ0NGKSwyFnt7iVQDxU=',
    id: '1003383421387257',
    voice: true,
  });

/** reference/messages/video. */
export const cloudVideoMessage = (o: CloudFrom) =>
  message(o, 'video', {
    caption: 'Veja o defeito',
    mime_type: 'video/mp4',
    sha256: 'lJ8eUOyb9C3ZWBqrn7sm2xBBkIxTYwDDpZ95eZHXg9Y=',
    id: '1003383421387258',
  });

/** reference/messages/document: caption and filename. */
export const cloudDocumentMessage = (o: CloudFrom) =>
  message(o, 'document', {
    caption: 'Segue o comprovante',
    filename: 'comprovante-pix.pdf',
    mime_type: 'application/pdf',
    sha256: 'Q2hpbmVzZSBjaGFyYWN0ZXJzIGluIGEgcGRmIGZpbGU=',
    id: '1003383421387259',
  });

/** reference/messages/sticker: mime_type image/webp, animated. */
export const cloudStickerMessage = (o: CloudFrom) =>
  message(o, 'sticker', {
    mime_type: 'image/webp',
    sha256: 'mN3mFYmO0Jz6N3hLtkP1y7Z4lGyQ4Ju0Z7dOxL6H8yE=',
    id: '1003383421387260',
    animated: false,
  });

/** reference/messages/location: latitude and longitude (numbers), name, address, url. */
export const cloudLocationMessage = (o: CloudFrom) =>
  message(o, 'location', {
    address: 'Av. Paulista, 1578 - Bela Vista, São Paulo - SP',
    latitude: -23.561684,
    longitude: -46.655981,
    name: 'MASP',
    url: 'https://masp.org.br',
  });

/**
 * reference/messages/contacts: the shared contacts are in `contacts` (the message's own, not value.contacts) with
 * name.formatted_name, phones [{phone, wa_id, type}], emails [{email, type}], org {company}.
 */
export function cloudContactsMessage(o: CloudFrom): Json {
  const waId = o.waId ?? CLOUD_LEAD;
  return cloudBody({
    contacts: [{ profile: { name: o.name ?? 'João Silva' }, wa_id: waId }],
    messages: [
      {
        from: waId,
        id: o.id,
        timestamp: String(o.timestamp ?? 1767268800),
        type: 'contacts',
        contacts: [
          {
            name: { formatted_name: 'Carlos Souza', first_name: 'Carlos', last_name: 'Souza' },
            phones: [
              { phone: '+55 11 98765-4321', wa_id: '5511987654321', type: 'CELL' },
              { phone: '+55 11 3333-4444', type: 'WORK' },
            ],
            emails: [{ email: 'carlos@example.com', type: 'WORK' }],
            org: { company: 'Padaria Pão Quente' },
          },
        ],
      },
    ],
  });
}

/** reference/messages/interactive: a reply button tapped (button_reply {id, title}). */
export const cloudButtonReply = (o: CloudFrom) =>
  message(o, 'interactive', { type: 'button_reply', button_reply: { id: 'quero-comprar', title: 'Quero comprar' } });

/** reference/messages/interactive: a list row chosen (list_reply {id, title, description}). */
export const cloudListReply = (o: CloudFrom) =>
  message(o, 'interactive', {
    type: 'list_reply',
    list_reply: { id: 'plano-anual', title: 'Plano anual', description: '12 meses com 20% de desconto' },
  });

/**
 * A WhatsApp Flow completed (flows/guides/receiveflowresponse): interactive nfm_reply {name: "flow", body: "Sent",
 * response_json: a JSON string with flow_token and the Flow's fields}.
 */
export const cloudFlowReply = (o: CloudFrom) =>
  message(o, 'interactive', {
    type: 'nfm_reply',
    nfm_reply: {
      name: 'flow',
      body: 'Sent',
      response_json: '{"flow_token":"agenda-42","data":"2026-01-20","periodo":"manha"}',
    },
  });

/** reference/messages/button: a template's quick-reply button (button {payload, text}). */
export const cloudTemplateButton = (o: CloudFrom) =>
  message(o, 'button', { payload: 'CONFIRMAR_VISITA', text: 'Confirmar visita' });

/** reference/messages/order: catalog_id, text, product_items [{product_retailer_id, quantity, item_price, currency}]. */
export const cloudOrderMessage = (o: CloudFrom) =>
  message(o, 'order', {
    catalog_id: '194836987003835',
    text: 'Pode entregar amanhã?',
    product_items: [
      { product_retailer_id: 'camiseta-azul-m', quantity: 2, item_price: 59.9, currency: 'BRL' },
      { product_retailer_id: 'bone-preto', quantity: 1, item_price: 39.9, currency: 'BRL' },
    ],
  });

/** reference/messages/unsupported: type unsupported, errors [{code 131051, title...}], unsupported {type}. */
export function cloudUnsupportedMessage(o: CloudFrom): Json {
  return message(
    o,
    'unsupported',
    { type: 'poll' },
    {
      errors: [
        {
          code: 131051,
          title: 'Message type unknown',
          message: 'Message type unknown',
          error_data: { details: 'Message type is currently not supported.' },
        },
      ],
    },
  );
}

/** reference/messages/reaction: reaction {message_id, emoji}; a removed reaction comes without emoji. */
export const cloudReaction = (o: CloudFrom & { messageId: string; emoji?: string }) =>
  message(o, 'reaction', o.emoji ? { message_id: o.messageId, emoji: o.emoji } : { message_id: o.messageId });

/**
 * reference/messages/system: no contacts array; `from` is the old number, system {body, wa_id (the new number),
 * type: user_changed_number}; since Aug 2026 also the new and previous BSUIDs (changelog: user_id,
 * previous_user_id).
 */
export function cloudUserChangedNumber(o: { id: string; from: string; to: string; timestamp?: number }): Json {
  return cloudBody({
    messages: [
      {
        from: o.from,
        id: o.id,
        timestamp: String(o.timestamp ?? 1767269000),
        type: 'system',
        system: { body: `User João Silva changed from ${o.from} to ${o.to}`, wa_id: o.to, type: 'user_changed_number' },
      },
    ],
  });
}

/** reference/messages/system (changelog Aug 11, 2026): type user_changed_user_id, previous_user_id → user_id. */
export function cloudUserChangedUserId(o: { id: string; previous: string; next: string; timestamp?: number }): Json {
  return cloudBody({
    messages: [
      {
        from_user_id: o.next,
        id: o.id,
        timestamp: String(o.timestamp ?? 1767269000),
        type: 'system',
        system: {
          body: 'User João Silva changed their user ID',
          type: 'user_changed_user_id',
          user_id: o.next,
          previous_user_id: o.previous,
        },
      },
    ],
  });
}

/** A text from a lead known only by its business-scoped user id (from_user_id, contacts[].user_id). */
export function cloudTextFromUserId(o: { id: string; userId: string; text: string; timestamp?: number }): Json {
  return cloudBody({
    contacts: [{ profile: { name: 'João Silva' }, user_id: o.userId }],
    messages: [
      {
        from_user_id: o.userId,
        id: o.id,
        timestamp: String(o.timestamp ?? 1767268800),
        type: 'text',
        text: { body: o.text },
      },
    ],
  });
}

/**
 * "Deleted for everyone" by the lead: Cloud API documents no webhook for it; the On-Premises API (and BSPs relaying
 * it, e.g. Gupshup's "Message Status" table) send a status `deleted` on the lead's message id.
 */
export function cloudDeletedStatus(o: { id: string; waId?: string }): Json {
  return cloudBody({
    statuses: [{ id: o.id, status: 'deleted', timestamp: '1767269100', recipient_id: o.waId ?? CLOUD_LEAD }],
  });
}
