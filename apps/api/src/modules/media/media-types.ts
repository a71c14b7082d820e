import type { MediaKind } from './media-detect';

/**
 * The MIME types WhatsApp carries, from Meta's "Supported media types" (Cloud API media reference): audio AAC, AMR,
 * MP3, MP4 audio, OGG (Opus; voice notes are `audio/ogg; codecs=opus`); documents text, PDF, Word, Excel,
 * PowerPoint; images JPEG and PNG; stickers WebP; video 3GPP and MP4. Anything else (an HTML page, a script, an
 * executable) is refused: it is not kept, so it is never served from our origin.
 */
const ALLOWED: Record<string, MediaKind> = {
  'audio/aac': 'audio',
  'audio/amr': 'audio',
  'audio/mpeg': 'audio',
  'audio/mp4': 'audio',
  'audio/ogg': 'audio',
  'text/plain': 'document',
  'application/pdf': 'document',
  'application/msword': 'document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
  'application/vnd.ms-excel': 'document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'document',
  'application/vnd.ms-powerpoint': 'document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'document',
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'sticker',
  'video/3gp': 'video',
  'video/3gpp': 'video',
  'video/mp4': 'video',
};

/** `audio/ogg; codecs=opus` → `audio/ogg`: the type without parameters, lower case. */
export function baseMimeType(mimeType: string): string {
  return mimeType.split(';')[0].trim().toLowerCase();
}

/** Whether a file of this type is kept. */
export function isAllowedMimeType(mimeType: string | null): boolean {
  return mimeType !== null && baseMimeType(mimeType) in ALLOWED;
}

/**
 * How the file is offered: images, audio, video and stickers inline (the chat shows and plays them), anything else
 * as a download with its name (RFC 6266 `filename*`, UTF-8 percent-encoded, so any name is safe in the header).
 */
export function contentDisposition(kind: string, fileName: string | null): string {
  if (kind !== 'document') return 'inline';
  const name = (fileName ?? 'document').replace(/[\r\n"\\/]/g, '_');
  const ascii = name.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRFC5987(name)}`;
}

function encodeRFC5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
