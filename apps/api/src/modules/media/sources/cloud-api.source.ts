import { Inject, Injectable } from '@nestjs/common';
import { publicExchange } from '../../../common/http/public-target';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import type { ClaimedMedia } from '../whatsapp-media.repository';
import { isAllowedMimeType } from '../media-types';
import {
  downloadFailure,
  type FetchedFile,
  httpFailure,
  MediaFetchError,
  type MediaSource,
  type SourceCredentials,
} from './media-source';

const METADATA_TIMEOUT_MS = 15_000;
const DOWNLOAD_TIMEOUT_MS = 120_000;

/** Meta's answer to GET /{media-id} ("Retrieve media URL" in the Cloud API media reference). */
interface GraphMedia {
  url?: unknown;
  mime_type?: unknown;
  sha256?: unknown;
  file_size?: unknown;
}

/**
 * Cloud API media: `GET {graph}/{media-id}` with the line's Bearer token answers `{ url, mime_type, sha256,
 * file_size, id }`, then `GET url` with the same token answers the bytes (the URL is valid for 5 minutes, so it is
 * asked for on every attempt). The URL comes from the provider: it is fetched through publicExchange.
 */
@Injectable()
export class CloudApiMediaSource implements MediaSource {
  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'metaGraphApiBaseUrl' | 'allowPrivateNetworkTargets'>,
  ) {}

  async fetch(job: ClaimedMedia, credentials: SourceCredentials, maxBytes: number): Promise<FetchedFile> {
    if (!job.sourceMediaId) throw new MediaFetchError('The message names no media id', 'failed');
    if (!credentials.accessToken) {
      throw new MediaFetchError('The WhatsApp line has no access token: set it in Settings → WhatsApp', 'failed');
    }
    const authorization = `Bearer ${credentials.accessToken}`;
    const media = await this.metadata(job.sourceMediaId, authorization);
    const mimeType = typeof media.mime_type === 'string' ? media.mime_type : null;
    const size = typeof media.file_size === 'number' ? media.file_size : Number(media.file_size);
    if (Number.isFinite(size) && size > maxBytes) {
      throw new MediaFetchError(`The file has ${size} bytes, more than the ${maxBytes} kept`, 'refused');
    }
    if (mimeType && !isAllowedMimeType(mimeType)) {
      throw new MediaFetchError(`Files of type ${mimeType} are not kept`, 'refused');
    }
    if (typeof media.url !== 'string') throw new MediaFetchError('The Graph API answered no media URL', 'retry');
    let answer;
    try {
      answer = await publicExchange(media.url, {
        method: 'GET',
        // Meta's media host answers an error page to requests without a user agent.
        headers: { authorization, 'user-agent': 'WhaTrack/1.0' },
        timeoutMs: DOWNLOAD_TIMEOUT_MS,
        maxBytes,
        allowPrivate: this.config.allowPrivateNetworkTargets,
      });
    } catch (error) {
      throw downloadFailure('The media URL', error, maxBytes);
    }
    if (answer.status !== 200) throw httpFailure('The media URL', answer.status);
    return { body: answer.body, mimeType, fileName: null };
  }

  private async metadata(mediaId: string, authorization: string): Promise<GraphMedia> {
    const url = `${this.config.metaGraphApiBaseUrl}/${encodeURIComponent(mediaId)}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization },
        redirect: 'error',
        signal: AbortSignal.timeout(METADATA_TIMEOUT_MS),
      });
    } catch (error) {
      throw new MediaFetchError(`The Graph API could not be reached (${(error as Error).message})`, 'retry');
    }
    const body = (await response.json().catch(() => null)) as (GraphMedia & { error?: { message?: string } }) | null;
    if (!response.ok) {
      const failure = httpFailure('The Graph API', response.status);
      const detail = body?.error?.message;
      throw detail ? new MediaFetchError(`${failure.message}: ${detail}`, failure.outcome) : failure;
    }
    return body ?? {};
  }
}
