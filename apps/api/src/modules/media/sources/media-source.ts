import { TOO_LARGE } from '../../../common/http/public-target';
import type { ClaimedMedia } from '../whatsapp-media.repository';

/** A file as a provider answered it. */
export interface FetchedFile {
  body: Buffer;
  /** What the provider says the file is (null: keep what the webhook said). */
  mimeType: string | null;
  fileName: string | null;
}

/** What a fetch that did not bring the file means for its job. */
export type FetchOutcome = 'retry' | 'failed' | 'refused';

/** retry: a temporary failure (retried with backoff); failed: retrying cannot help; refused: over a limit. */
export class MediaFetchError extends Error {
  constructor(
    message: string,
    readonly outcome: FetchOutcome,
  ) {
    super(message);
  }
}

/** The line's credentials, decrypted just before use. */
export interface SourceCredentials {
  accessToken: string | null;
  apiKey: string | null;
}

/** One provider's way of fetching a message's file; throws MediaFetchError. */
export interface MediaSource {
  fetch(job: ClaimedMedia, credentials: SourceCredentials, maxBytes: number): Promise<FetchedFile>;
}

/** A network failure, a timeout or an answer past the limit, as a fetch outcome. */
export function downloadFailure(what: string, error: unknown, maxBytes: number): MediaFetchError {
  const code = (error as { code?: string }).code;
  if (code === TOO_LARGE) {
    return new MediaFetchError(`The file is larger than the ${maxBytes} bytes kept`, 'refused');
  }
  if (code === 'ERR_PRIVATE_TARGET') {
    return new MediaFetchError(`${what} points at a private network address`, 'failed');
  }
  return new MediaFetchError(`${what} could not be reached (${code ?? (error as Error).message})`, 'retry');
}

/** 5xx and 429 come and go; another 4xx answer will not change. */
export function httpFailure(what: string, status: number): MediaFetchError {
  return new MediaFetchError(`${what} answered ${status}`, status >= 500 || status === 429 ? 'retry' : 'failed');
}
