import { Module } from '@nestjs/common';
import { TrackingModule } from '../tracking/tracking.module';
import { WhatsappInstancesModule } from '../whatsapp-instances/whatsapp-instances.module';
import { TrackingClicksRepository } from './tracking-clicks.repository';
import { TrackingLinksController } from './tracking-links.controller';
import { TrackingLinksRepository } from './tracking-links.repository';
import { TrackingLinksService } from './tracking-links.service';
import { TrackingRedirectController } from './tracking-redirect.controller';

@Module({
  imports: [TrackingModule, WhatsappInstancesModule],
  controllers: [TrackingLinksController, TrackingRedirectController],
  providers: [TrackingLinksService, TrackingLinksRepository, TrackingClicksRepository],
  exports: [TrackingLinksService, TrackingClicksRepository],
})
export class TrackingLinksModule {}
