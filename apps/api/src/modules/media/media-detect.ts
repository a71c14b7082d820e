import { WhatsappProvider } from '@whatrack/shared';
import type { NormalizedMessage } from '../whatsapp/inbound.types';
import { type Json, obj, str } from '../whatsapp/parsers/json';

export type MediaKind = 'image' | 'audio' | 'video' | 'document' | 'sticker';

/** The file a message announces, as the provider describes it (before it is fetched). */
export interface DetectedMedia {
  kind: MediaKind;
  /** Cloud API media id (GET {graph}/{id}); null for Evolution, whose message key finds the file. */
  sourceMediaId: string | null;
  mimeType: string | null;
  fileName: string | null;
  sha256: string | null;
  sizeBytes: number | null;
  voice: boolean;
  /** Evolution with webhook_base64 on: the webhook itself carries the file (data.message.base64). */
  inline: boolean;
}

const CLOUD_KINDS: MediaKind[] = ['image', 'audio', 'video', 'document', 'sticker'];

/** Evolution (Baileys proto) message keys of media, and the wrappers whose `message` holds the real one. */
const EVOLUTION_KINDS: Record<string, MediaKind> = {
  imageMessage: 'image',
  audioMessage: 'audio',
  videoMessage: 'video',
  documentMessage: 'document',
  stickerMessage: 'sticker',
};
const EVOLUTION_WRAPPERS = ['documentWithCaptionMessage', 'ephemeralMessage', 'viewOnceMessage', 'viewOnceMessageV2'];

/** The media of a message's raw payload, or null when it carries none. */
export function detectMedia(provider: WhatsappProvider, raw: Record<string, unknown>): DetectedMedia | null {
  return provider === WhatsappProvider.CLOUD_API ? detectCloud(raw) : detectEvolution(raw);
}

/**
 * Cloud API (Meta's webhook reference, "messages" object): `type` names the object, e.g.
 * `{ type: 'document', document: { id, mime_type, sha256, filename, caption } }`; audio has `voice: true` for a voice
 * note; stickers have `animated`.
 */
function detectCloud(raw: Json): DetectedMedia | null {
  const kind = CLOUD_KINDS.find((k) => k === raw.type);
  const media = kind ? obj(raw[kind]) : null;
  const id = str(media?.id);
  if (!kind || !media || !id) return null;
  return {
    kind,
    sourceMediaId: id,
    mimeType: str(media.mime_type),
    fileName: str(media.filename),
    sha256: str(media.sha256),
    sizeBytes: null,
    voice: media.voice === true,
    inline: false,
  };
}

/**
 * Evolution API v2 (Baileys WebMessageInfo): `data.message.imageMessage { mimetype, fileLength, fileSha256, ... }`,
 * `audioMessage.ptt` for a voice note, `documentMessage.fileName`, a document with a caption wrapped in
 * `documentWithCaptionMessage.message`; with webhook_base64 on, Evolution adds the file as `data.message.base64`
 * (whatsapp.baileys.service.ts: `messageRaw.message.base64 = buffer.toString('base64')`).
 */
function detectEvolution(raw: Json): DetectedMedia | null {
  const message = obj(raw.message);
  if (!message) return null;
  const inner = unwrap(message);
  const key = Object.keys(EVOLUTION_KINDS).find((k) => obj(inner[k]));
  if (!key) return null;
  const media = obj(inner[key])!;
  return {
    kind: EVOLUTION_KINDS[key],
    sourceMediaId: null,
    mimeType: str(media.mimetype),
    fileName: str(media.fileName),
    sha256: null,
    sizeBytes: longValue(media.fileLength),
    voice: key === 'audioMessage' && media.ptt === true,
    inline: typeof message.base64 === 'string' && message.base64.length > 0,
  };
}

function unwrap(message: Json): Json {
  let current = message;
  for (let depth = 0; depth < 3; depth++) {
    const wrapper = EVOLUTION_WRAPPERS.map((w) => obj(obj(current[w])?.message)).find((m) => m);
    if (!wrapper) break;
    current = wrapper;
  }
  return current;
}

/** Baileys' fileLength: a number, a decimal string, or a protobuf Long `{ low, high }`. */
function longValue(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  const long = obj(value);
  if (long && typeof long.low === 'number' && typeof long.high === 'number') {
    return (long.high >>> 0) * 2 ** 32 + (long.low >>> 0);
  }
  return null;
}

/**
 * The message without the file Evolution inlines in the webhook (several MB of base64): the message row keeps the
 * rest of the raw payload, and the download job reads the file from the stored webhook event instead.
 */
export function withoutInlineMedia(message: NormalizedMessage): NormalizedMessage {
  const inner = obj(message.raw.message);
  if (!inner || !('base64' in inner)) return message;
  const { base64: _dropped, ...rest } = inner;
  return { ...message, raw: { ...message.raw, message: rest } };
}
