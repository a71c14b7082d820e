import { useTranslation } from 'react-i18next';
import { Spinner } from '../ui/Spinner';
import { MediaLoadError } from './MediaLoadError';
import { useMessageMedia } from './useMessageMedia';

/** Audio (a voice note too) or video, played in the browser's own controls. */
export function MediaPlayer({
  messageId,
  kind,
  voice,
}: {
  messageId: string;
  kind: 'audio' | 'video';
  voice: boolean;
}) {
  const { t } = useTranslation();
  const { url, isPending, media } = useMessageMedia(messageId, true);
  const label = t(
    kind === 'video' ? 'chatMessage.types.video' : voice ? 'chatMessage.types.voice' : 'chatMessage.types.audio',
  );
  if (media.isError) return <MediaLoadError onRetry={() => void media.refetch()} />;
  if (isPending || !url) {
    return (
      <p className="chat-media-loading" role="status">
        <Spinner /> {t('chatMessage.media.loading')}
      </p>
    );
  }
  if (kind === 'video')
    return <video className="chat-video" src={url} controls preload="metadata" aria-label={label} />;
  return <audio className="chat-audio" src={url} controls preload="metadata" aria-label={label} />;
}
