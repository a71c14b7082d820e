import { Inject, Injectable } from '@nestjs/common';
import { publicExchange } from '../../../common/http/public-target';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { Db } from '../../../database/db';
import { type ClaimedMedia, WhatsappMediaRepository } from '../whatsapp-media.repository';
import {
  downloadFailure,
  type FetchedFile,
  httpFailure,
  MediaFetchError,
  type MediaSource,
  type SourceCredentials,
} from './media-source';

const REQUEST_TIMEOUT_MS = 120_000;

/**
 * Evolution API (v2) media: the file Evolution put in the webhook when webhook_base64 is on (read back from the
 * stored event), else `POST {apiUrl}/chat/getBase64FromMediaMessage/{instance}` with the `apikey` header and
 * `{ message: { key }, convertToMp4: false }` (Evolution finds the message by its key and answers
 * `{ mediaType, fileName, mimetype, base64, ... }`; chat.controller / whatsapp.baileys.service.ts).
 */
@Injectable()
export class EvolutionMediaSource implements MediaSource {
  constructor(
    private readonly db: Db,
    private readonly media: WhatsappMediaRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'allowPrivateNetworkTargets'>,
  ) {}

  async fetch(job: ClaimedMedia, credentials: SourceCredentials, maxBytes: number): Promise<FetchedFile> {
    const keyId = job.providerMessageId;
    if (job.webhookEventId && keyId) {
      const inline = await this.media.inlineFile(this.db, {
        organizationId: job.organizationId,
        eventId: job.webhookEventId,
        keyId,
      });
      if (inline) return { body: decode(inline, maxBytes), mimeType: null, fileName: null };
    }
    return this.ask(job, credentials, maxBytes);
  }

  private async ask(job: ClaimedMedia, credentials: SourceCredentials, maxBytes: number): Promise<FetchedFile> {
    if (!job.apiUrl || !credentials.apiKey || !job.providerPhoneNumberId) {
      throw new MediaFetchError(
        'The WhatsApp line has no Evolution API URL, key and instance name: set them in Settings → WhatsApp',
        'failed',
      );
    }
    const url = `${job.apiUrl.replace(/\/+$/, '')}/chat/getBase64FromMediaMessage/${encodeURIComponent(job.providerPhoneNumberId)}`;
    let answer;
    try {
      answer = await publicExchange(url, {
        method: 'POST',
        headers: { apikey: credentials.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ message: { key: job.messageKey }, convertToMp4: false }),
        timeoutMs: REQUEST_TIMEOUT_MS,
        // base64 is 4/3 of the file, plus the JSON around it.
        maxBytes: Math.ceil((maxBytes * 4) / 3) + 64 * 1024,
        allowPrivate: this.config.allowPrivateNetworkTargets,
      });
    } catch (error) {
      throw downloadFailure('The Evolution API', error, maxBytes);
    }
    if (answer.status < 200 || answer.status >= 300) throw httpFailure('The Evolution API', answer.status);
    const body = parse(answer.body.toString('utf8'));
    if (typeof body?.base64 !== 'string' || body.base64.length === 0) {
      throw new MediaFetchError('The Evolution API answered no file', 'retry');
    }
    return {
      body: decode(body.base64, maxBytes),
      mimeType: typeof body.mimetype === 'string' ? body.mimetype : null,
      fileName: typeof body.fileName === 'string' ? body.fileName : null,
    };
  }
}

function parse(text: string): { base64?: unknown; mimetype?: unknown; fileName?: unknown } | null {
  try {
    return JSON.parse(text) as { base64?: unknown };
  } catch {
    return null;
  }
}

/** Base64 (a `data:` URL prefix tolerated) to bytes, refused past the limit. */
function decode(base64: string, maxBytes: number): Buffer {
  const data = base64.replace(/^data:[^,]*,/, '');
  if (Math.floor((data.length * 3) / 4) - 2 > maxBytes) {
    throw new MediaFetchError(`The file is larger than the ${maxBytes} bytes kept`, 'refused');
  }
  return Buffer.from(data, 'base64');
}
