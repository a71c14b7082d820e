import { MessageDirection } from '@whatrack/shared';
import type { AdReferral, NormalizedMessage, NormalizedStatus } from '../inbound.types';
import { arr, epochSeconds, type Json, obj, str } from './json';

export interface EvolutionParseResult {
  /** false when the event is neither a message upsert nor a status update (connection, presence...): ignored. */
  handled: boolean;
  messages: NormalizedMessage[];
  statuses: NormalizedStatus[];
}

/**
 * Evolution's (Baileys') message statuses in messages.update: SERVER_ACK when WhatsApp's server took it,
 * DELIVERY_ACK on the phone, READ, PLAYED (voice notes), ERROR. PENDING is our own "pending".
 */
const EVOLUTION_STATUSES: Record<string, string> = {
  SERVER_ACK: 'sent',
  DELIVERY_ACK: 'delivered',
  READ: 'read',
  PLAYED: 'played',
  ERROR: 'failed',
};

/** A messages.update item: `keyId` (v2) or the key's own `id` (v1, which spreads the key), and a status. */
function parseStatus(data: Json): NormalizedStatus | null {
  const id = str(data.keyId) ?? str(data.id) ?? str(obj(data.key)?.id);
  const raw = data.status;
  const name =
    typeof raw === 'number' ? ['ERROR', 'PENDING', 'SERVER_ACK', 'DELIVERY_ACK', 'READ', 'PLAYED'][raw] : str(raw);
  const status = name ? EVOLUTION_STATUSES[name.toUpperCase()] : undefined;
  if (!id || !status) return null;
  return {
    providerMessageId: id,
    status,
    errorCode: null,
    errorTitle: status === 'failed' ? 'WhatsApp reported an error' : null,
  };
}

const TYPE_NAMES: Record<string, string> = {
  conversation: 'text',
  extendedTextMessage: 'text',
  imageMessage: 'image',
  videoMessage: 'video',
  audioMessage: 'audio',
  documentMessage: 'document',
  documentWithCaptionMessage: 'document',
  stickerMessage: 'sticker',
  locationMessage: 'location',
  contactMessage: 'contacts',
  contactsArrayMessage: 'contacts',
  buttonsResponseMessage: 'button',
  templateButtonReplyMessage: 'button',
  listResponseMessage: 'interactive',
  reactionMessage: 'reaction',
};

function bodyOf(message: Json | null): string | null {
  if (!message) return null;
  const part = (key: string) => obj(message[key]);
  return (
    str(message.conversation) ??
    str(part('extendedTextMessage')?.text) ??
    str(part('imageMessage')?.caption) ??
    str(part('videoMessage')?.caption) ??
    str(part('documentMessage')?.caption) ??
    str(part('documentMessage')?.fileName) ??
    str(part('locationMessage')?.name) ??
    str(part('contactMessage')?.displayName) ??
    str(part('buttonsResponseMessage')?.selectedDisplayText) ??
    str(part('templateButtonReplyMessage')?.selectedDisplayText) ??
    str(part('listResponseMessage')?.title) ??
    str(part('reactionMessage')?.text)
  );
}

function referralOf(data: Json, message: Json | null): AdReferral | null {
  const contextInfo = obj(data.contextInfo) ?? obj(obj(message?.extendedTextMessage)?.contextInfo);
  const ad = obj(contextInfo?.externalAdReply);
  if (!ad) return null;
  return {
    ctwaClid: str(ad.ctwaClid),
    sourceId: str(ad.sourceId),
    sourceUrl: str(ad.sourceUrl),
    headline: str(ad.title),
  };
}

/** The contact's number from a jid ("5511988887777@s.whatsapp.net"); LIDs ("…@lid") carry none. */
function phoneOf(jid: string | null): string | null {
  const match = jid ? /^(\d{8,15})(?::\d+)?@s\.whatsapp\.net$/.exec(jid) : null;
  return match ? match[1] : null;
}

function parseOne(data: Json, now: Date): NormalizedMessage | null {
  const key = obj(data.key);
  const id = str(key?.id);
  const remoteJid = str(key?.remoteJid);
  if (!key || !id || !remoteJid) return null;
  // Groups, broadcasts and status updates are not conversations with a lead.
  if (remoteJid.endsWith('@g.us') || remoteJid.endsWith('@broadcast') || remoteJid.endsWith('@newsletter')) return null;
  const alt = str(key.remoteJidAlt) ?? str(key.senderPn);
  const waId = phoneOf(remoteJid) ?? phoneOf(alt);
  const fromMe = key.fromMe === true;
  const message = obj(data.message);
  const messageType = str(data.messageType) ?? (message ? Object.keys(message)[0] : undefined) ?? 'unknown';
  return {
    providerMessageId: id,
    direction: fromMe ? MessageDirection.OUT : MessageDirection.IN,
    waId,
    waUserId: waId ? null : remoteJid,
    // On our own messages pushName is the business's name, not the lead's.
    contactName: fromMe ? null : str(data.pushName),
    type: TYPE_NAMES[messageType] ?? messageType,
    body: bodyOf(message),
    sentAt: epochSeconds(data.messageTimestamp, now),
    referral: referralOf(data, message),
    raw: data,
  };
}

/** An Evolution API webhook body (messages.upsert, Baileys message shape). */
export function parseEvolution(body: unknown, now: Date): EvolutionParseResult {
  const root = obj(body);
  const event = str(root?.event)?.toLowerCase().replace(/_/g, '.');
  if (!root || (event !== 'messages.upsert' && event !== 'messages.update')) {
    return { handled: false, messages: [], statuses: [] };
  }
  const items = (Array.isArray(root.data) ? arr(root.data) : [root.data]).map(obj).filter((d): d is Json => d !== null);
  if (event === 'messages.update') {
    const statuses = items.map(parseStatus).filter((s): s is NormalizedStatus => s !== null);
    return { handled: true, messages: [], statuses };
  }
  const messages = items.map((d) => parseOne(d, now)).filter((m): m is NormalizedMessage => m !== null);
  return { handled: true, messages, statuses: [] };
}
