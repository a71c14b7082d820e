import type { MessageContent, StoredContext } from '../../conversations/message-content.types';
import type { MessageEvent } from '../inbound.types';
import { orderOf, parseJsonObject, summaryOf } from './content-summary';
import { arr, type Json, num, obj, str } from './json';
import { contactsOfVcard } from './vcard';

/**
 * The content of an Evolution API v2 messages.upsert item: `message` holds Baileys' proto.Message (WAProto.proto)
 * as Evolution's prepareMessage leaves it (extendedTextMessage turned into `conversation`,
 * documentWithCaptionMessage into documentMessage) and `contextInfo` the content's ContextInfo.
 */
export interface EvolutionContent {
  content: MessageContent | null;
  context: StoredContext | null;
  body: string | null;
  event: MessageEvent | null;
}

/** Our type names for Baileys' message keys. */
export const TYPE_NAMES: Record<string, string> = {
  conversation: 'text',
  extendedTextMessage: 'text',
  imageMessage: 'image',
  videoMessage: 'video',
  ptvMessage: 'video',
  audioMessage: 'audio',
  documentMessage: 'document',
  documentWithCaptionMessage: 'document',
  stickerMessage: 'sticker',
  locationMessage: 'location',
  liveLocationMessage: 'location',
  contactMessage: 'contacts',
  contactsArrayMessage: 'contacts',
  buttonsResponseMessage: 'button',
  templateButtonReplyMessage: 'button',
  listResponseMessage: 'interactive',
  interactiveResponseMessage: 'interactive',
  orderMessage: 'order',
  reactionMessage: 'reaction',
  protocolMessage: 'protocol',
};

/** WhatsApp labels a message "Forwarded many times" from the fifth forward on. */
const FREQUENTLY_FORWARDED_SCORE = 5;

/** An int64 as protobufjs may serialize it: a number, a numeric string or a Long {low, high}. */
function int64(value: unknown): number | null {
  const long = obj(value);
  if (long && typeof long.low === 'number' && typeof long.high === 'number') {
    return long.high * 2 ** 32 + (long.low >>> 0);
  }
  return num(value);
}

function contentOf(key: string, part: Json | null): MessageContent | null {
  switch (key) {
    case 'imageMessage':
    case 'videoMessage':
    case 'ptvMessage':
    case 'stickerMessage':
      return { caption: str(part?.caption) };
    case 'audioMessage':
      return { voice: part?.ptt === true };
    case 'documentMessage':
      return { caption: str(part?.caption), fileName: str(part?.fileName) ?? str(part?.title) };
    case 'locationMessage':
    case 'liveLocationMessage': {
      const latitude = num(part?.degreesLatitude);
      const longitude = num(part?.degreesLongitude);
      if (latitude === null || longitude === null) return null;
      return {
        location: { latitude, longitude, name: str(part?.name), address: str(part?.address), url: str(part?.url) },
      };
    }
    case 'contactMessage':
      return { contacts: contactsOfVcard(str(part?.vcard), str(part?.displayName)) };
    case 'contactsArrayMessage':
      return {
        contacts: arr(part?.contacts).flatMap((c) => contactsOfVcard(str(obj(c)?.vcard), str(obj(c)?.displayName))),
      };
    case 'buttonsResponseMessage':
      return interactive('button', str(part?.selectedButtonId), str(part?.selectedDisplayText));
    case 'templateButtonReplyMessage':
      return interactive('button', str(part?.selectedId), str(part?.selectedDisplayText));
    case 'listResponseMessage':
      return {
        interactive: {
          kind: 'list_reply',
          id: str(obj(part?.singleSelectReply)?.selectedRowId),
          title: str(part?.title),
          description: str(part?.description),
          response: null,
        },
      };
    case 'interactiveResponseMessage': {
      // A native flow (WhatsApp Flows) answer: its fields are JSON in nativeFlowResponseMessage.paramsJson.
      const flow = obj(part?.nativeFlowResponseMessage);
      return {
        interactive: {
          kind: 'flow_reply',
          id: str(flow?.name),
          title: str(obj(part?.body)?.text),
          description: null,
          response: parseJsonObject(flow?.paramsJson),
        },
      };
    }
    case 'orderMessage': {
      // Baileys' OrderMessage has no items (only itemCount, to fetch by orderId/token); the total is in thousandths.
      const thousandths = int64(part?.totalAmount1000);
      const stated =
        thousandths === null ? null : { total: thousandths / 1000, currency: str(part?.totalCurrencyCode) };
      return { order: orderOf(null, str(part?.message) ?? str(part?.orderTitle), [], stated) };
    }
    default:
      return null;
  }
}

function interactive(kind: 'button', id: string | null, title: string | null): MessageContent {
  return { interactive: { kind, id, title, description: null, response: null } };
}

/** The message's content key: Evolution's messageType when it names one, else the first key Baileys set. */
export function contentKeyOf(data: Json, message: Json | null): string {
  const declared = str(data.messageType);
  if (declared && message && declared in message) return declared;
  const known = message ? Object.keys(message).find((k) => k in TYPE_NAMES) : undefined;
  return known ?? declared ?? (message ? Object.keys(message)[0] : undefined) ?? 'unknown';
}

/** A quoted message's text, as the chat would show it. */
function textOf(message: Json | null): string | null {
  if (!message) return null;
  const key = contentKeyOf({}, message);
  const part = obj(message[key]);
  const content = contentOf(key, part);
  return summaryOf(TYPE_NAMES[key] ?? key, content, str(message.conversation) ?? str(part?.text));
}

function contextOf(data: Json, part: Json | null): StoredContext | null {
  const info = obj(data.contextInfo) ?? obj(part?.contextInfo);
  if (!info) return null;
  const quoted = obj(info.quotedMessage);
  const score = num(info.forwardingScore) ?? 0;
  const forwarded = info.isForwarded === true || score > 0;
  const quotedProviderMessageId = str(info.stanzaId);
  if (!quotedProviderMessageId && !forwarded) return null;
  const quotedKey = quoted ? contentKeyOf({}, quoted) : null;
  return {
    quotedProviderMessageId,
    quotedBody: textOf(quoted),
    quotedType: quotedKey ? (TYPE_NAMES[quotedKey] ?? quotedKey) : null,
    forwarded,
    frequentlyForwarded: score >= FREQUENTLY_FORWARDED_SCORE,
  };
}

/**
 * A reaction (reactionMessage: `key` of the message reacted to, `text` the emoji, empty when removed) and a message
 * deleted for everyone (protocolMessage of type REVOKE, 0 in the proto enum, naming the deleted message's `key`).
 */
function eventOf(key: string, part: Json | null): MessageEvent | null {
  const target = str(obj(part?.key)?.id);
  if (!target) return null;
  if (key === 'reactionMessage') return { kind: 'reaction', targetProviderMessageId: target, emoji: str(part?.text) };
  if (key === 'protocolMessage' && (part?.type === 'REVOKE' || part?.type === 0)) {
    return { kind: 'revoke', targetProviderMessageId: target };
  }
  return null;
}

/** Baileys' envelopes around the real content (view once, disappearing, a document with a caption). */
const WRAPPERS = [
  'ephemeralMessage',
  'viewOnceMessage',
  'viewOnceMessageV2',
  'viewOnceMessageV2Extension',
  'documentWithCaptionMessage',
];

function unwrapped(message: Json | null): Json | null {
  let inner = message;
  for (let depth = 0; inner && depth < 3; depth++) {
    const wrapper = WRAPPERS.find((w) => obj(obj(inner?.[w])?.message));
    if (!wrapper) break;
    inner = obj(obj(inner[wrapper])?.message);
  }
  return inner;
}

export function evolutionContent(data: Json, delivered: Json | null): EvolutionContent & { type: string } {
  const message = unwrapped(delivered);
  const key = contentKeyOf(message === delivered ? data : {}, message);
  const part = message ? obj(message[key]) : null;
  const content = contentOf(key, part);
  const text = str(message?.conversation) ?? str(obj(message?.extendedTextMessage)?.text);
  const type = TYPE_NAMES[key] ?? key;
  return {
    type,
    content,
    context: contextOf(data, part),
    body: summaryOf(type, content, text),
    event: eventOf(key, part),
  };
}
