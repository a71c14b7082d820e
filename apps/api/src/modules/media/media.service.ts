import { Inject, Injectable } from '@nestjs/common';
import type { WhatsappProvider } from '@whatrack/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-errors';
import { Db } from '../../database/db';
import type { NormalizedMessage } from '../whatsapp/inbound.types';
import type { RoutedInstance } from '../whatsapp/instance-lookup';
import { detectMedia } from './media-detect';
import { contentDisposition } from './media-types';
import { MEDIA_STORE, type MediaStore } from './store/media-store';
import { WhatsappMediaRepository } from './whatsapp-media.repository';

/** A file as the media route answers it. */
export interface MediaFile {
  body: Buffer;
  contentType: string;
  disposition: string;
}

/** Media of WhatsApp messages: queued for download as messages are ingested, served to their organization. */
@Injectable()
export class MediaService {
  constructor(
    private readonly db: Db,
    private readonly media: WhatsappMediaRepository,
    @Inject(MEDIA_STORE) private readonly store: MediaStore,
  ) {}

  /**
   * Inside the webhook worker's transaction, right after the message was ingested: queues its file, if it has one.
   * Only a row is written here; the download runs later in the media worker, outside this transaction.
   */
  async enqueue(
    db: Db,
    instance: RoutedInstance,
    message: NormalizedMessage,
    event: { id: string; provider: WhatsappProvider },
  ): Promise<void> {
    const media = detectMedia(event.provider, message.raw);
    if (!media) return;
    await this.media.enqueue(db, {
      organizationId: instance.organizationId,
      instanceId: instance.id,
      providerMessageId: message.providerMessageId,
      media,
      webhookEventId: event.id,
    });
  }

  /** The stored file of one of the organization's messages; 404 when there is none (yet). */
  async open(auth: AuthContext, messageId: string): Promise<MediaFile> {
    const row = await this.media.findStored(this.db, { organizationId: auth.organizationId, messageId });
    const object = row && (await this.store.get(row.storageKey));
    if (!row || !object) throw NotFoundError.of('Media', messageId);
    return { body: object.body, contentType: row.mimeType, disposition: contentDisposition(row.kind, row.fileName) };
  }
}
