/**
 * Webhook bodies in the shapes Meta's WhatsApp Cloud API and Evolution API (Baileys) send them.
 * Each builder returns a fresh object; ids and timestamps are parameters so tests can replay or vary them.
 */
export const CLOUD_PHONE_NUMBER_ID = '106540352242922';
export const CLOUD_DISPLAY_NUMBER = '15550783881';

interface CloudMessageOptions {
  id: string;
  waId?: string | null;
  userId?: string;
  name?: string;
  timestamp?: number;
  phoneNumberId?: string;
}

function cloudEnvelope(phoneNumberId: string, value: Record<string, unknown>): Record<string, unknown> {
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
              metadata: { display_phone_number: CLOUD_DISPLAY_NUMBER, phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

function cloudMessage(o: CloudMessageOptions, content: Record<string, unknown>): Record<string, unknown> {
  const contact: Record<string, unknown> = { profile: { name: o.name ?? 'João Silva' } };
  if (o.waId !== null) contact.wa_id = o.waId ?? '5511999998888';
  if (o.userId) contact.user_id = o.userId;
  const message: Record<string, unknown> = { id: o.id, timestamp: String(o.timestamp ?? 1767268800), ...content };
  if (o.waId !== null) message.from = o.waId ?? '5511999998888';
  if (o.userId && o.waId === null) message.from_user_id = o.userId;
  return cloudEnvelope(o.phoneNumberId ?? CLOUD_PHONE_NUMBER_ID, { contacts: [contact], messages: [message] });
}

export function cloudText(o: CloudMessageOptions & { text: string }): Record<string, unknown> {
  return cloudMessage(o, { type: 'text', text: { body: o.text } });
}

export function cloudImage(o: CloudMessageOptions & { caption: string }): Record<string, unknown> {
  return cloudMessage(o, {
    type: 'image',
    image: { caption: o.caption, mime_type: 'image/jpeg', sha256: 'f3c1...', id: '1479537139650973' },
  });
}

/** A Click-to-WhatsApp ad reply; ctwa_clid is absent for ads shown in Status. */
export function cloudReferral(o: CloudMessageOptions & { text: string; ctwaClid?: string }): Record<string, unknown> {
  const referral: Record<string, unknown> = {
    source_url: 'https://fb.me/3cr4Wqqkv',
    source_id: '120212345678900000',
    source_type: 'ad',
    headline: 'Tênis de corrida com 30% off',
    body: 'Fale com a gente no WhatsApp',
    media_type: 'image',
    image_url: 'https://scontent.xx.fbcdn.net/v/t45.1600-4/ad.jpg',
  };
  if (o.ctwaClid) referral.ctwa_clid = o.ctwaClid;
  return cloudMessage(o, { type: 'text', text: { body: o.text }, referral });
}

export function cloudStatus(o: {
  id: string;
  status: string;
  recipient?: string;
  phoneNumberId?: string;
}): Record<string, unknown> {
  return cloudEnvelope(o.phoneNumberId ?? CLOUD_PHONE_NUMBER_ID, {
    statuses: [
      {
        id: o.id,
        status: o.status,
        timestamp: '1767268900',
        recipient_id: o.recipient ?? '5511999998888',
        conversation: { id: 'CONVERSATION_ID', origin: { type: 'service' } },
        pricing: { billable: true, pricing_model: 'CBP', category: 'service' },
      },
    ],
  });
}

interface EvolutionOptions {
  id: string;
  remoteJid?: string;
  remoteJidAlt?: string;
  fromMe?: boolean;
  pushName?: string;
  text?: string;
  timestamp?: number;
  externalAdReply?: { ctwaClid?: string; sourceId?: string; sourceUrl?: string; title?: string };
  instanceName?: string;
}

export function evolutionUpsert(o: EvolutionOptions): Record<string, unknown> {
  const data: Record<string, unknown> = {
    key: { remoteJid: o.remoteJid ?? '5521988887777@s.whatsapp.net', fromMe: o.fromMe ?? false, id: o.id },
    pushName: o.pushName ?? 'Maria Souza',
    status: 'DELIVERY_ACK',
    message: { conversation: o.text ?? 'Olá, vi o anúncio' },
    messageType: 'conversation',
    messageTimestamp: o.timestamp ?? 1767268800,
    instanceId: 'b1d6c2a0-evolution-internal',
    source: 'android',
  };
  if (o.remoteJidAlt) (data.key as Record<string, unknown>).remoteJidAlt = o.remoteJidAlt;
  if (o.externalAdReply) {
    data.contextInfo = {
      externalAdReply: { mediaType: 1, thumbnailUrl: 'https://…', ...o.externalAdReply },
      conversionSource: 'FB_Ads',
    };
  }
  return {
    event: 'messages.upsert',
    instance: o.instanceName ?? 'loja-centro',
    data,
    destination: 'https://app.example.com/api/v1/webhooks/whatsapp/evolution/…',
    date_time: '2026-01-01T09:00:00.000Z',
    sender: '5511912345678@s.whatsapp.net',
    server_url: 'https://evolution.example.com',
    apikey: 'B6D711FCDE4D4FD5936544120E713976',
  };
}
