import { MessageDirection } from '@whatrack/shared';
import type { AdReferral, NormalizedMessage, NormalizedStatus } from '../inbound.types';
import { evolutionContent } from './evolution-content';
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

/** A LID ("…@lid"): WhatsApp's hidden-number id of a contact. */
function lidOf(jid: string | null): string | null {
  return jid && jid.endsWith('@lid') ? jid : null;
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
  // The LID is kept beside the number: a lead first seen by its LID alone and later with its number is one lead
  // (the lead resolver finds it by the LID and fills in the number).
  const lid = lidOf(remoteJid) ?? lidOf(alt) ?? lidOf(str(key.senderLid));
  const fromMe = key.fromMe === true;
  const message = obj(data.message);
  const { type, ...content } = evolutionContent(data, message);
  // Protocol messages other than a revoke (edits, ephemeral settings, history sync) are not chat messages.
  if (type === 'protocol' && !content.event) return null;
  return {
    providerMessageId: id,
    direction: fromMe ? MessageDirection.OUT : MessageDirection.IN,
    waId,
    waUserId: lid ?? (waId ? null : remoteJid),
    // On our own messages pushName is the business's name, not the lead's.
    contactName: fromMe ? null : str(data.pushName),
    type,
    sentAt: epochSeconds(data.messageTimestamp, now),
    referral: referralOf(data, message),
    raw: data,
    ...content,
  };
}

/**
 * messages.delete (Evolution's "deleted for everyone", data = the deleted message's key) and messages.edited whose
 * protocolMessage is a REVOKE (Evolution 2.3 sends protocol messages there instead of messages.upsert).
 */
function parseRevoke(event: string, data: Json, now: Date): NormalizedMessage | null {
  const key = event === 'messages.delete' ? data : obj(data.key);
  const id = str(key?.id) ?? str(data.keyId);
  if (!key || !id) return null;
  if (event === 'messages.edited' && data.type !== 'REVOKE' && data.type !== 0) return null;
  const remoteJid = str(key.remoteJid);
  return {
    providerMessageId: `revoke:${id}`,
    direction: key.fromMe === true ? MessageDirection.OUT : MessageDirection.IN,
    waId: phoneOf(remoteJid),
    waUserId: lidOf(remoteJid),
    contactName: null,
    type: 'revoke',
    body: null,
    sentAt: epochSeconds(data.timestampMs ? Math.floor(Number(data.timestampMs) / 1000) : undefined, now),
    referral: null,
    raw: data,
    event: { kind: 'revoke', targetProviderMessageId: id },
  };
}

const HANDLED_EVENTS = ['messages.upsert', 'messages.update', 'messages.delete', 'messages.edited'];

/** An Evolution API webhook body (messages.upsert, Baileys message shape). */
export function parseEvolution(body: unknown, now: Date): EvolutionParseResult {
  const root = obj(body);
  const event = str(root?.event)?.toLowerCase().replace(/_/g, '.');
  if (!root || !event || !HANDLED_EVENTS.includes(event)) {
    return { handled: false, messages: [], statuses: [] };
  }
  const items = (Array.isArray(root.data) ? arr(root.data) : [root.data]).map(obj).filter((d): d is Json => d !== null);
  if (event === 'messages.delete' || event === 'messages.edited') {
    const messages = items.map((d) => parseRevoke(event, d, now)).filter((m): m is NormalizedMessage => m !== null);
    return { handled: true, messages, statuses: [] };
  }
  if (event === 'messages.update') {
    const statuses = items.map(parseStatus).filter((s): s is NormalizedStatus => s !== null);
    return { handled: true, messages: [], statuses };
  }
  const messages = items.map((d) => parseOne(d, now)).filter((m): m is NormalizedMessage => m !== null);
  return { handled: true, messages, statuses: [] };
}
