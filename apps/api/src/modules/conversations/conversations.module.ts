import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { WhatsappConversation } from './entities/whatsapp-conversation.entity';
import { WhatsappMessage } from './entities/whatsapp-message.entity';
import { WhatsappConversationsRepository } from './whatsapp-conversations.repository';
import { WhatsappMessagesRepository } from './whatsapp-messages.repository';

@Module({
  imports: [TypeOrmModule.forFeature([WhatsappConversation, WhatsappMessage])],
  controllers: [ConversationsController],
  providers: [ConversationsService, WhatsappConversationsRepository, WhatsappMessagesRepository],
  exports: [TypeOrmModule, ConversationsService, WhatsappConversationsRepository, WhatsappMessagesRepository],
})
export class ConversationsModule {}
