import { Module } from '@nestjs/common';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { WhatsappInstancesModule } from '../whatsapp-instances/whatsapp-instances.module';
import { RepliesController } from './replies.controller';
import { RepliesService } from './replies.service';
import { RepliesWorker } from './replies.worker';
import { ReplyDelivery } from './reply-delivery';
import { ReplyTemplates } from './reply-templates';
import { CloudApiSender } from './senders/cloud-api.sender';
import { EvolutionSender } from './senders/evolution.sender';
import { WhatsappOutboxRepository } from './whatsapp-outbox.repository';
import { WhatsappStatusOrphansRepository } from './whatsapp-status-orphans.repository';

/** Two-way WhatsApp: agents' replies, their outbox and worker, and the statuses that come back. */
@Module({
  imports: [CryptoModule, ConversationsModule, WhatsappInstancesModule],
  controllers: [RepliesController],
  providers: [
    RepliesService,
    RepliesWorker,
    ReplyDelivery,
    ReplyTemplates,
    CloudApiSender,
    EvolutionSender,
    WhatsappOutboxRepository,
    WhatsappStatusOrphansRepository,
  ],
  exports: [RepliesWorker, WhatsappStatusOrphansRepository, WhatsappOutboxRepository],
})
export class RepliesModule {}
