import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-errors';
import { pageOffset } from '../../common/pagination/page-query.dto';
import { Db } from '../../database/db';
import type { MessageQueryDto } from './dto/message-query.dto';
import { WhatsappConversationsRepository } from './whatsapp-conversations.repository';
import { type MessageRow, WhatsappMessagesRepository } from './whatsapp-messages.repository';

@Injectable()
export class ConversationsService {
  constructor(
    private readonly db: Db,
    private readonly conversations: WhatsappConversationsRepository,
    private readonly messagesRepository: WhatsappMessagesRepository,
  ) {}

  /** A page of the conversation's messages in the asked order, and how many it has. */
  async messages(
    auth: AuthContext,
    conversationId: string,
    page: MessageQueryDto,
  ): Promise<{ items: MessageRow[]; total: number }> {
    const organizationId = auth.organizationId;
    if (!(await this.conversations.exists(this.db, { organizationId, id: conversationId }))) {
      throw NotFoundError.of('Conversation', conversationId);
    }
    const key = { organizationId, conversationId };
    const items = await this.messagesRepository.page(this.db, {
      ...key,
      order: page.order,
      offset: pageOffset(page),
      limit: page.pageSize,
    });
    const total = await this.messagesRepository.countInConversation(this.db, key);
    return { items, total };
  }
}
