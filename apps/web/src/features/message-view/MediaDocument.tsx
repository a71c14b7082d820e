import type { Message } from '@whatrack/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../lib/download';
import { useApi } from '../../lib/useApi';
import { Spinner } from '../ui/Spinner';
import { formatBytes } from './formatBytes';

type Media = NonNullable<Message['media']>;

/**
 * A document as a download button with its name and size: fetched only on demand (documents can be large), with
 * the session's token, then handed to the browser under the name the lead gave it.
 */
export function MediaDocument({ messageId, media }: { messageId: string; media: Media }) {
  const { t, i18n } = useTranslation();
  const { client } = useApi();
  const queryClient = useQueryClient();
  const name = media.fileName ?? t('chatMessage.media.documentFallback');
  const size = formatBytes(media.sizeBytes, i18n.resolvedLanguage ?? i18n.language);
  const download = useMutation({
    mutationFn: async () => {
      const cached = queryClient.getQueryData<Blob>(['message-media', messageId]);
      const blob =
        cached ??
        unwrap(
          await client.GET('/api/v1/messages/{id}/media', { params: { path: { id: messageId } }, parseAs: 'blob' }),
        );
      saveBlob(blob, name);
    },
  });
  return (
    <div className="chat-document">
      <button
        type="button"
        className="btn btn-secondary btn-sm chat-document-button"
        aria-disabled={download.isPending || undefined}
        aria-label={t('chatMessage.media.download', { name })}
        onClick={() => !download.isPending && download.mutate()}
      >
        {download.isPending ? <Spinner /> : <span aria-hidden="true">📄</span>}
        <span className="chat-document-name">{name}</span>
        {size && <span className="muted small">{size}</span>}
      </button>
      {download.isError && (
        <p className="chat-media-note" data-tone="error" role="alert">
          {t('chatMessage.media.loadError')}
        </p>
      )}
    </div>
  );
}
