import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UuidParam } from '../../common/validation/uuid-param.decorator';
import { ConversationsService } from './conversations.service';
import { MessageQueryDto } from './dto/message-query.dto';
import { MessageListResponseDto, MessageResponseDto } from './dto/message-response.dto';
import { StatementBudget } from '../../common/db/statement-budget';

@ApiTags('conversations')
@Controller('conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get(':id/messages')
  @StatementBudget('listing')
  @ApiOperation({
    operationId: 'listConversationMessages',
    summary: 'Paginated messages of a WhatsApp conversation, oldest first (or newest first with order=desc)',
  })
  @ApiOkResponse({ type: MessageListResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async messages(
    @Auth() auth: AuthContext,
    @UuidParam() id: string,
    @Query() query: MessageQueryDto,
  ): Promise<MessageListResponseDto> {
    const { items, total } = await this.conversations.messages(auth, id, query);
    return {
      items: items.map((m) => MessageResponseDto.from(m)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
