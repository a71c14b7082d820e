import { Module } from '@nestjs/common';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { WhatsappConversationsRepository } from './whatsapp-conversations.repository';
import { WhatsappMessageReactionsRepository } from './whatsapp-message-reactions.repository';
import { WhatsappMessagesRepository } from './whatsapp-messages.repository';

@Module({
  imports: [],
  controllers: [ConversationsController],
  providers: [
    ConversationsService,
    WhatsappConversationsRepository,
    WhatsappMessagesRepository,
    WhatsappMessageReactionsRepository,
  ],
  exports: [
    ConversationsService,
    WhatsappConversationsRepository,
    WhatsappMessagesRepository,
    WhatsappMessageReactionsRepository,
  ],
})
export class ConversationsModule {}
