import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-errors';
import { pageOffset } from '../../common/pagination/page-query.dto';
import type { MessageQueryDto } from './dto/message-query.dto';
import { WhatsappConversation } from './entities/whatsapp-conversation.entity';
import { WhatsappMessage } from './entities/whatsapp-message.entity';

@Injectable()
export class ConversationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page of the conversation's messages in the asked order, and how many it has. */
  async messages(
    auth: AuthContext,
    conversationId: string,
    page: MessageQueryDto,
  ): Promise<{ items: WhatsappMessage[]; total: number }> {
    const m = this.dataSource.manager;
    const organizationId = auth.organizationId;
    if (!(await m.existsBy(WhatsappConversation, { organizationId, id: conversationId }))) {
      throw NotFoundError.of('Conversation', conversationId);
    }
    const [items, total] = await m.findAndCount(WhatsappMessage, {
      select: { id: true, ticketId: true, direction: true, type: true, body: true, status: true, sentAt: true },
      where: { organizationId, conversationId },
      order: page.order === 'desc' ? { sentAt: 'DESC', id: 'DESC' } : { sentAt: 'ASC', id: 'ASC' },
      skip: pageOffset(page),
      take: page.pageSize,
    });
    return { items, total };
  }
}
