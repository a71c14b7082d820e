import type { Message } from '@whatrack/api-client';

export type MediaKind = 'image' | 'sticker' | 'audio' | 'video' | 'document';

const BY_TYPE: Record<string, MediaKind> = {
  image: 'image',
  sticker: 'sticker',
  audio: 'audio',
  ptt: 'audio',
  video: 'video',
  document: 'document',
};

/** How a media message is shown: by its type, else by the stored file's MIME type (a provider may name it otherwise). */
export function mediaKind(message: Pick<Message, 'type' | 'media'>): MediaKind | null {
  const byType = BY_TYPE[message.type];
  if (byType) return byType;
  const mime = message.media?.mimeType ?? '';
  if (!message.media) return null;
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('video/')) return 'video';
  return 'document';
}
