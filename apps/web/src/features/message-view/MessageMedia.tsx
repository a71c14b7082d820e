import type { Message } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { MediaDocument } from './MediaDocument';
import { MediaImage } from './MediaImage';
import { MediaPlayer } from './MediaPlayer';
import type { MediaKind } from './mediaKind';

type Media = NonNullable<Message['media']>;

/** The file of a media message, or why it is not here (still downloading, given up, not kept). */
export function MessageMedia({ messageId, kind, media }: { messageId: string; kind: MediaKind; media: Media }) {
  const { t } = useTranslation();
  if (media.status === 'pending') {
    return (
      <p className="chat-media-note" role="status">
        {t('chatMessage.media.pending')}
      </p>
    );
  }
  if (media.status === 'failed') {
    const reason = media.error ?? undefined;
    return (
      <p className="chat-media-note" data-tone="error" title={reason}>
        {t('chatMessage.media.failed')}
        {reason && <span className="visually-hidden">: {reason}</span>}
      </p>
    );
  }
  if (media.status === 'refused') return <p className="chat-media-note">{t('chatMessage.media.refused')}</p>;
  if (kind === 'document') return <MediaDocument messageId={messageId} media={media} />;
  if (kind === 'image' || kind === 'sticker') return <MediaImage messageId={messageId} sticker={kind === 'sticker'} />;
  return <MediaPlayer messageId={messageId} kind={kind} voice={media.voice} />;
}
