import { Module } from '@nestjs/common';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MediaController } from './media.controller';
import { MediaDownload } from './media-download';
import { MediaService } from './media.service';
import { MediaWorker } from './media.worker';
import { CloudApiMediaSource } from './sources/cloud-api.source';
import { EvolutionMediaSource } from './sources/evolution.source';
import { createMediaStore } from './store/create-media-store';
import { MEDIA_STORE } from './store/media-store';
import { WhatsappMediaRepository } from './whatsapp-media.repository';

/** WhatsApp media files: queued as messages arrive, downloaded by the media worker, kept in the store, served. */
@Module({
  imports: [CryptoModule],
  controllers: [MediaController],
  providers: [
    MediaService,
    MediaWorker,
    MediaDownload,
    CloudApiMediaSource,
    EvolutionMediaSource,
    WhatsappMediaRepository,
    { provide: MEDIA_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createMediaStore(config.media) },
  ],
  exports: [MediaService, MediaWorker, MEDIA_STORE],
})
export class MediaModule {}
