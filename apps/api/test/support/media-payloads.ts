import { cloudText, evolutionUpsert } from './whatsapp-payloads';

/**
 * Media message webhooks. Cloud API: Meta's webhook reference ("messages" object), e.g. `type: 'document',
 * document: { caption, filename, mime_type, sha256, id }`. Evolution API v2: Baileys' WebMessageInfo
 * (`message.imageMessage { url, mimetype, caption, fileSha256, fileLength, ... }`), with the file added as
 * `message.base64` when webhook_base64 is on (whatsapp.baileys.service.ts).
 */
export function cloudMedia(
  o: { id: string; timestamp?: number },
  type: 'image' | 'audio' | 'video' | 'document' | 'sticker',
  media: Record<string, unknown>,
): Record<string, any> {
  const body = cloudText({ id: o.id, text: '', timestamp: o.timestamp }) as any;
  const message = body.entry[0].changes[0].value.messages[0];
  delete message.text;
  message.type = type;
  message[type] = media;
  return body;
}

export function evolutionImage(o: { id: string; base64?: string; timestamp?: number }): Record<string, any> {
  const body = evolutionUpsert({ id: o.id, timestamp: o.timestamp }) as any;
  body.data.messageType = 'imageMessage';
  body.data.message = {
    imageMessage: {
      url: 'https://mmg.whatsapp.net/o1/v/t62.7118-24/f1/m232/up-oil-image.enc',
      mimetype: 'image/jpeg',
      caption: 'Foto do produto',
      fileSha256: 'n2lN3kyv3dUZd0TVvIjyFmVdK0wAEm3JvjKXhN3i2lQ=',
      fileLength: '1234',
      height: 1280,
      width: 960,
      mediaKey: 'TKgNZsaEAvtTzNEgfDqd5UAFmnXumGFd+JVsF0sxIrw=',
      directPath: '/o1/v/t62.7118-24/f1/m232/up-oil-image.enc',
      mediaKeyTimestamp: '1767268800',
    },
    ...(o.base64 ? { base64: o.base64 } : {}),
  };
  return body;
}
