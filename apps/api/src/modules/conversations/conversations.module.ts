import { Module } from '@nestjs/common';
import { ConversationsController } from './conversations.controller';
import { MessageMediaController } from './message-media.controller';
import { ConversationsService } from './conversations.service';
import { WhatsappConversationsRepository } from './whatsapp-conversations.repository';
import { WhatsappMessagesRepository } from './whatsapp-messages.repository';

@Module({
  imports: [],
  controllers: [ConversationsController, MessageMediaController],
  providers: [ConversationsService, WhatsappConversationsRepository, WhatsappMessagesRepository],
  exports: [ConversationsService, WhatsappConversationsRepository, WhatsappMessagesRepository],
})
export class ConversationsModule {}
