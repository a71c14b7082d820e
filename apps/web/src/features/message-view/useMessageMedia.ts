import { unwrap } from '@whatrack/api-client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApi } from '../../lib/useApi';

/**
 * A stored media file as an object URL: an <img>/<audio> src cannot carry the session's Authorization header, so
 * the bytes are fetched with it into a Blob. The URL is revoked when the component unmounts or the blob changes.
 */
export function useMessageMedia(messageId: string, enabled: boolean) {
  const { client } = useApi();
  const media = useQuery({
    queryKey: ['message-media', messageId],
    queryFn: async ({ signal }) =>
      unwrap(
        await client.GET('/api/v1/messages/{id}/media', {
          params: { path: { id: messageId } },
          parseAs: 'blob',
          signal,
        }),
      ),
    enabled,
    // The file of a message never changes: no refetch on focus, and it is dropped soon after it leaves the screen.
    staleTime: Infinity,
    gcTime: 60_000,
    retry: 1,
  });
  const url = useObjectUrl(media.data);
  return { url, blob: media.data, isPending: enabled && (media.isPending || (media.data && !url)), media };
}

function useObjectUrl(blob: Blob | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return undefined;
    // The object URL is an external resource: created and revoked with the effect (StrictMode's second mount
    // makes a fresh one), which is why it is state set here rather than a value derived during render.
    const next = URL.createObjectURL(blob);
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUrl(next);
    return () => {
      URL.revokeObjectURL(next);
      setUrl(null);
    };
  }, [blob]);
  return url;
}
