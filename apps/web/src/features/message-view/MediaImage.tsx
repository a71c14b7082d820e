import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { Spinner } from '../ui/Spinner';
import { MediaLoadError } from './MediaLoadError';
import { useMessageMedia } from './useMessageMedia';

/** An image inline (a sticker smaller); a click or Enter opens it at full size in a dialog. */
export function MediaImage({ messageId, sticker }: { messageId: string; sticker: boolean }) {
  const { t } = useTranslation();
  const { url, isPending, media } = useMessageMedia(messageId, true);
  const [open, setOpen] = useState(false);
  const alt = sticker ? t('chatMessage.media.stickerAlt') : t('chatMessage.media.imageAlt');
  if (media.isError) return <MediaLoadError onRetry={() => void media.refetch()} />;
  if (isPending || !url) {
    return (
      <p className="chat-media-loading" role="status" data-sticker={sticker || undefined}>
        <Spinner /> {t('chatMessage.media.loading')}
      </p>
    );
  }
  if (sticker) return <img className="chat-sticker" src={url} alt={alt} />;
  return (
    <>
      <button
        type="button"
        className="chat-image-button"
        onClick={() => setOpen(true)}
        aria-label={t('chatMessage.media.openImage')}
      >
        <img className="chat-image" src={url} alt={alt} />
      </button>
      {open && (
        <Dialog title={t('chatMessage.types.image')} size="lg" onClose={() => setOpen(false)}>
          <img className="chat-image-full" src={url} alt={alt} />
          <p>
            <a href={url} target="_blank" rel="noopener noreferrer">
              {t('chatMessage.media.newTab')}
            </a>
          </p>
        </Dialog>
      )}
    </>
  );
}
