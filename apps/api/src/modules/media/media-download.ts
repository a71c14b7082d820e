import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WhatsappProvider } from '@whatrack/shared';
import { Clock } from '../../common/clock/clock';
import { TokenCipher } from '../../common/crypto/token-cipher';
import type { JobFailure } from '../../common/jobs/job-queue';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import { baseMimeType, isAllowedMimeType } from './media-types';
import { CloudApiMediaSource } from './sources/cloud-api.source';
import { EvolutionMediaSource } from './sources/evolution.source';
import { type FetchedFile, MediaFetchError, type SourceCredentials } from './sources/media-source';
import { MEDIA_STORE, type MediaStore, storageKey } from './store/media-store';
import { type ClaimedMedia, WhatsappMediaRepository } from './whatsapp-media.repository';

/**
 * One download: fetch the file from the line's provider (no transaction is open meanwhile), check it against the
 * limits, put it in the media store under a key of ours, then record it. A store that is down fails the attempt,
 * which is retried: the provider (or the stored webhook) still has the file.
 */
@Injectable()
export class MediaDownload {
  private readonly logger = new Logger('MediaDownload');

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cipher: TokenCipher,
    private readonly media: WhatsappMediaRepository,
    private readonly cloudApi: CloudApiMediaSource,
    private readonly evolution: EvolutionMediaSource,
    @Inject(MEDIA_STORE) private readonly store: MediaStore,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'media'>,
  ) {}

  /** Null when the job is settled (stored or refused); the failure to retry (or give up) otherwise. */
  async run(job: ClaimedMedia): Promise<JobFailure<ClaimedMedia> | null> {
    const { maxBytes } = this.config.media;
    let file: FetchedFile;
    try {
      const source = job.provider === WhatsappProvider.CLOUD_API ? this.cloudApi : this.evolution;
      file = await source.fetch(job, this.credentials(job), maxBytes);
    } catch (error) {
      if (!(error instanceof MediaFetchError)) throw error;
      if (error.outcome === 'refused') return this.refuse(job, error.message, null, null);
      return { job, error: error.message, permanent: error.outcome === 'failed' };
    }
    const mimeType = file.mimeType ?? job.mimeType;
    if (file.body.length > maxBytes) {
      return this.refuse(
        job,
        `The file has ${file.body.length} bytes, more than the ${maxBytes} kept`,
        mimeType,
        file.body.length,
      );
    }
    if (!mimeType || !isAllowedMimeType(mimeType)) {
      return this.refuse(job, `Files of type ${mimeType ?? 'unknown'} are not kept`, mimeType, file.body.length);
    }
    const key = storageKey(job.organizationId, this.clock.now());
    try {
      await this.store.put(key, file.body, mimeType);
    } catch (error) {
      this.logger.warn(`Media store (${this.store.description}) refused a file: ${(error as Error).message}`);
      return { job, error: `The media store is unavailable: ${(error as Error).message}` };
    }
    await this.media.markStored(this.db, {
      organizationId: job.organizationId,
      id: job.id,
      storageKey: key,
      mimeType: mimeType.trim(),
      sha256: createHash('sha256').update(file.body).digest('hex'),
      sizeBytes: file.body.length,
      fileName: file.fileName,
    });
    return null;
  }

  private async refuse(
    job: ClaimedMedia,
    reason: string,
    mimeType: string | null,
    sizeBytes: number | null,
  ): Promise<null> {
    this.logger.log(`Media of message ${job.messageId} refused: ${reason}`);
    const type = mimeType ? baseMimeType(mimeType) : null;
    await this.media.refuse(this.db, {
      organizationId: job.organizationId,
      id: job.id,
      reason,
      mimeType: type,
      sizeBytes,
    });
    return null;
  }

  private credentials(job: ClaimedMedia): SourceCredentials {
    return { accessToken: this.reveal(job.accessTokenEncrypted), apiKey: this.reveal(job.apiKeyEncrypted) };
  }

  private reveal(encrypted: string | null): string | null {
    if (!encrypted) return null;
    try {
      return this.cipher.decrypt(encrypted);
    } catch {
      throw new MediaFetchError(
        'The stored WhatsApp credentials cannot be decrypted (was ENCRYPTION_KEY changed?): save them again',
        'failed',
      );
    }
  }
}
