import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WhatsappConversation } from './entities/whatsapp-conversation.entity';
import { WhatsappMessage } from './entities/whatsapp-message.entity';

@Module({ imports: [TypeOrmModule.forFeature([WhatsappConversation, WhatsappMessage])], exports: [TypeOrmModule] })
export class ConversationsModule {}
