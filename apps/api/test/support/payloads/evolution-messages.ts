/**
 * Evolution API v2 webhook bodies of every message type. Sources:
 * - the envelope {event, instance, data, destination, date_time, sender, server_url, apikey} and `data` as
 *   Evolution's prepareMessage builds it for messages.upsert: {key, pushName, status, message, contextInfo,
 *   messageType, messageTimestamp, instanceId, source}, with extendedTextMessage turned into `conversation` and
 *   documentWithCaptionMessage into documentMessage (EvolutionAPI/evolution-api 2.3.6,
 *   src/api/integrations/channel/whatsapp/whatsapp.baileys.service.ts);
 * - messages.delete: `data` is the deleted message's key (same file, messages.update handler: "update.message ===
 *   null" → sendDataWebhook(Events.MESSAGES_DELETE, key));
 * - each `message` part is Baileys' proto.Message (WhiskeySockets/Baileys WAProto/WAProto.proto: ImageMessage,
 *   AudioMessage.ptt, DocumentMessage.fileName, LocationMessage.degreesLatitude, ContactMessage.vcard,
 *   ContactsArrayMessage, ButtonsResponseMessage, TemplateButtonReplyMessage, ListResponseMessage,
 *   InteractiveResponseMessage.nativeFlowResponseMessage, OrderMessage.totalAmount1000, ReactionMessage,
 *   ProtocolMessage.Type REVOKE = 0, ContextInfo.stanzaId/quotedMessage/isForwarded/forwardingScore; MessageKey
 *   remoteJidAlt/addressingMode of LID chats).
 * Values are ours; names, nesting and value types are theirs. Each builder answers a fresh body.
 */
type Json = Record<string, unknown>;

export const EVOLUTION_LEAD_JID = '5521988887777@s.whatsapp.net';
export const EVOLUTION_LEAD_LID = '206527381475390@lid';

export interface EvolutionFrom {
  id: string;
  remoteJid?: string;
  remoteJidAlt?: string;
  fromMe?: boolean;
  pushName?: string;
  timestamp?: number;
  contextInfo?: Json;
}

export function evolutionBody(event: string, data: Json): Json {
  return {
    event,
    instance: 'loja-centro',
    data,
    destination: 'https://app.example.com/api/v1/webhooks/whatsapp/evolution/…',
    date_time: '2026-01-01T09:00:00.000Z',
    sender: '5511912345678@s.whatsapp.net',
    server_url: 'https://evolution.example.com',
    apikey: 'B6D711FCDE4D4FD5936544120E713976',
  };
}

export function evolutionUpsertOf(o: EvolutionFrom, messageType: string, part: unknown): Json {
  const key: Json = { remoteJid: o.remoteJid ?? EVOLUTION_LEAD_JID, fromMe: o.fromMe ?? false, id: o.id };
  if (o.remoteJidAlt) Object.assign(key, { remoteJidAlt: o.remoteJidAlt, addressingMode: 'lid' });
  const data: Json = {
    key,
    pushName: o.pushName ?? 'Maria Souza',
    status: 'DELIVERY_ACK',
    message: { [messageType]: part, messageContextInfo: { deviceListMetadataVersion: 2 } },
    messageType,
    messageTimestamp: o.timestamp ?? 1767268800,
    instanceId: 'b1d6c2a0-evolution-internal',
    source: 'android',
  };
  if (o.contextInfo) data.contextInfo = o.contextInfo;
  return evolutionBody('messages.upsert', data);
}

const MEDIA = {
  url: 'https://mmg.whatsapp.net/o1/v/t62.7118-24/f1/m231/up-oil-image.enc',
  directPath: '/o1/v/t62.7118-24/f1/m231/up-oil-image.enc',
  mediaKey: 'wB5+2FqkUKUHc0LYi1C8SqsBzRNkWTFjyBSgUefBr9o=',
  fileSha256: 'HgBRfyVlBIUV5ZPjbLIRfHm6aDbLwaYNO2PVWQt9V7Q=',
  fileEncSha256: 'kX2vQqPRy9U7aKpEiHvbFfW5nNGZUT1YnF3SmPv2oPM=',
  fileLength: '48213',
  mediaKeyTimestamp: '1767268790',
};

export const evolutionText = (o: EvolutionFrom & { text: string }) => evolutionUpsertOf(o, 'conversation', o.text);

export const evolutionImage = (o: EvolutionFrom) =>
  evolutionUpsertOf(o, 'imageMessage', {
    ...MEDIA,
    mimetype: 'image/jpeg',
    caption: 'Foto do tênis que eu quero',
    height: 1280,
    width: 960,
  });

/** AudioMessage: ptt true for a voice note. */
export const evolutionVoice = (o: EvolutionFrom) =>
  evolutionUpsertOf(o, 'audioMessage', { ...MEDIA, mimetype: 'audio/ogg; codecs=opus', seconds: 7, ptt: true });

export const evolutionVideo = (o: EvolutionFrom) =>
  evolutionUpsertOf(o, 'videoMessage', { ...MEDIA, mimetype: 'video/mp4', seconds: 12, caption: 'Veja o defeito' });

/** DocumentMessage: fileName, title, caption (prepareMessage unwraps documentWithCaptionMessage into this). */
export const evolutionDocument = (o: EvolutionFrom) =>
  evolutionUpsertOf(o, 'documentMessage', {
    ...MEDIA,
    mimetype: 'application/pdf',
    title: 'comprovante-pix',
    fileName: 'comprovante-pix.pdf',
    pageCount: 1,
    caption: 'Segue o comprovante',
  });

export const evolutionSticker = (o: EvolutionFrom) =>
  evolutionUpsertOf(o, 'stickerMessage', { ...MEDIA, mimetype: 'image/webp', isAnimated: false });

/** LocationMessage: degreesLatitude / degreesLongitude (doubles), name, address, url. */
export const evolutionLocation = (o: EvolutionFrom) =>
  evolutionUpsertOf(o, 'locationMessage', {
    degreesLatitude: -22.951916,
    degreesLongitude: -43.210487,
    name: 'Cristo Redentor',
    address: 'Parque Nacional da Tijuca - Alto da Boa Vista, Rio de Janeiro - RJ',
    url: 'https://maps.google.com/?q=-22.951916,-43.210487',
  });

/** The vCard WhatsApp shares: vCard 3.0, item1.TEL with waid and its X-ABLabel. */
export const CARLOS_VCARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Souza;Carlos;;;',
  'FN:Carlos Souza',
  'ORG:Padaria Pão Quente;',
  'item1.TEL;waid=5511987654321:+55 11 98765-4321',
  'item1.X-ABLabel:Celular',
  'EMAIL;type=INTERNET:carlos@example.com',
  'END:VCARD',
].join('\n');

const ANA_VCARD =
  'BEGIN:VCARD\nVERSION:3.0\nN:;Ana;;;\nFN:Ana Lima\nTEL;type=CELL;waid=5521977776666:+55 21 97777-6666\nEND:VCARD';

export const evolutionContact = (o: EvolutionFrom) =>
  evolutionUpsertOf(o, 'contactMessage', { displayName: 'Carlos Souza', vcard: CARLOS_VCARD });

export const evolutionContactsArray = (o: EvolutionFrom) =>
  evolutionUpsertOf(o, 'contactsArrayMessage', {
    displayName: '2 contatos',
    contacts: [
      { displayName: 'Carlos Souza', vcard: CARLOS_VCARD },
      { displayName: 'Ana Lima', vcard: ANA_VCARD },
    ],
  });

export const evolutionButtonsResponse = (o: EvolutionFrom) =>
  evolutionUpsertOf(o, 'buttonsResponseMessage', {
    selectedButtonId: 'quero-comprar',
    selectedDisplayText: 'Quero comprar',
    type: 'DISPLAY_TEXT',
  });

export const evolutionTemplateButtonReply = (o: EvolutionFrom) =>
  evolutionUpsertOf(o, 'templateButtonReplyMessage', {
    selectedId: 'CONFIRMAR_VISITA',
    selectedDisplayText: 'Confirmar visita',
    selectedIndex: 0,
  });

export const evolutionListResponse = (o: EvolutionFrom) =>
  evolutionUpsertOf(o, 'listResponseMessage', {
    title: 'Plano anual',
    listType: 'SINGLE_SELECT',
    singleSelectReply: { selectedRowId: 'plano-anual' },
    description: '12 meses com 20% de desconto',
  });

/** InteractiveResponseMessage: a native flow (WhatsApp Flows) answer, its fields JSON in paramsJson. */
export const evolutionFlowResponse = (o: EvolutionFrom) =>
  evolutionUpsertOf(o, 'interactiveResponseMessage', {
    body: { text: 'Sent', format: 'DEFAULT' },
    nativeFlowResponseMessage: {
      name: 'galaxy_message',
      paramsJson: '{"flow_token":"agenda-42","data":"2026-01-20","periodo":"manha"}',
      version: 3,
    },
  });

/** OrderMessage: no items, itemCount and totalAmount1000 (thousandths) with totalCurrencyCode. */
export const evolutionOrder = (o: EvolutionFrom) =>
  evolutionUpsertOf(o, 'orderMessage', {
    orderId: '1398476207856941',
    itemCount: 3,
    status: 'INQUIRY',
    surface: 'CATALOG',
    message: 'Quero esses três',
    orderTitle: 'Loja Centro',
    sellerJid: '5511912345678@s.whatsapp.net',
    token: 'AR5ZzHSZVVyVbHYwr2A0uCqUXdxHuZvFh0mF2qbS1DDg9A==',
    totalAmount1000: 159700,
    totalCurrencyCode: 'BRL',
  });

/** ReactionMessage: the key of the message reacted to and the emoji in `text` ("" removes it). */
export const evolutionReaction = (o: EvolutionFrom & { target: string; emoji: string; targetFromMe?: boolean }) =>
  evolutionUpsertOf(o, 'reactionMessage', {
    key: { remoteJid: o.remoteJid ?? EVOLUTION_LEAD_JID, fromMe: o.targetFromMe ?? false, id: o.target },
    text: o.emoji,
    senderTimestampMs: String((o.timestamp ?? 1767268800) * 1000),
  });

/** ProtocolMessage type REVOKE (as Evolution before 2.3 forwarded it in messages.upsert). */
export const evolutionRevokeUpsert = (o: EvolutionFrom & { target: string }) =>
  evolutionUpsertOf(o, 'protocolMessage', {
    key: { remoteJid: o.remoteJid ?? EVOLUTION_LEAD_JID, fromMe: false, id: o.target },
    type: 'REVOKE',
  });

/** messages.delete: data is the deleted message's key. */
export const evolutionMessagesDelete = (o: { target: string; remoteJid?: string }) =>
  evolutionBody('messages.delete', { remoteJid: o.remoteJid ?? EVOLUTION_LEAD_JID, fromMe: false, id: o.target });

/** A quoted reply: contextInfo.stanzaId names the quoted message, quotedMessage is its content. */
export const quoting = (id: string, text: string): Json => ({
  stanzaId: id,
  participant: EVOLUTION_LEAD_JID,
  quotedMessage: { conversation: text },
});

/** A forward: isForwarded with the forwarding score (5 or more: "Forwarded many times"). */
export const forwarded = (score: number): Json => ({ isForwarded: true, forwardingScore: score });
