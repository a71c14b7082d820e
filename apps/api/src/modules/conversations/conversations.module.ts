import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { WhatsappConversation } from './entities/whatsapp-conversation.entity';
import { WhatsappMessage } from './entities/whatsapp-message.entity';

@Module({
  imports: [TypeOrmModule.forFeature([WhatsappConversation, WhatsappMessage])],
  controllers: [ConversationsController],
  providers: [ConversationsService],
  exports: [TypeOrmModule, ConversationsService],
})
export class ConversationsModule {}
