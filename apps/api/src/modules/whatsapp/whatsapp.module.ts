import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { WhatsappInstancesModule } from '../whatsapp-instances/whatsapp-instances.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { TrackingLinksModule } from '../tracking-links/tracking-links.module';
import { TrackingModule } from '../tracking/tracking.module';
import { RepliesModule } from '../replies/replies.module';
import { IdentityChanges } from './identity-changes';
import { MessageEventsService } from './message-events.service';
import { LeadTouchesRepository } from '../leads/lead-touches.repository';
import { MediaModule } from '../media/media.module';
import { MessageIngestionService } from './message-ingestion.service';
import { WebhookEventsController } from './webhook-events.controller';
import { WebhookEventsRepository } from './webhook-events.repository';
import { WebhookEventsService } from './webhook-events.service';
import { WebhookIntakeService } from './webhook-intake.service';
import { WebhookProcessor } from './webhook-processor';
import { WebhookWorker } from './webhook-worker';
import { WebhooksController } from './webhooks.controller';

@Module({
  imports: [
    ConversationsModule,
    TrackingModule,
    TrackingLinksModule,
    TicketsModule,
    WhatsappInstancesModule,
    RepliesModule,
    MediaModule,
  ],
  controllers: [WebhooksController, WebhookEventsController],
  providers: [
    WebhookIntakeService,
    WebhookWorker,
    WebhookProcessor,
    MessageIngestionService,
    MessageEventsService,
    IdentityChanges,
    WebhookEventsService,
    WebhookEventsRepository,
    LeadTouchesRepository,
  ],
  exports: [WebhookWorker, WebhookEventsRepository],
})
export class WhatsappModule {}
