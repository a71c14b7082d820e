import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApiKeyScope, UserRole } from '@whatrack/shared';
import { ApiKeyAccess } from '../../common/auth/api-key-scope.decorator';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { Roles } from '../../common/auth/roles.decorator';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UuidParam } from '../../common/validation/uuid-param.decorator';
import { CreateQuickReplyDto } from './dto/create-quick-reply.dto';
import { QuickReplyListResponseDto, QuickReplyResponseDto } from './dto/quick-reply-response.dto';
import { UpdateQuickReplyDto } from './dto/update-quick-reply.dto';
import { QuickRepliesService } from './quick-replies.service';

const SHORTCUT_TAKEN = {
  description: 'Another quick reply has this shortcut (code quick_reply_shortcut_taken, field shortcut)',
  type: ErrorResponseDto,
};

@ApiTags('quick-replies')
@Controller('quick-replies')
export class QuickRepliesController {
  constructor(private readonly quickReplies: QuickRepliesService) {}

  @Get()
  @ApiOperation({
    operationId: 'listQuickReplies',
    summary: "The organization's quick replies, by shortcut",
    description: 'Everyone in the organization reads them (agents insert them by typing "/" in the reply box).',
  })
  @ApiOkResponse({ type: QuickReplyListResponseDto })
  async list(@Auth() auth: AuthContext): Promise<QuickReplyListResponseDto> {
    const rows = await this.quickReplies.list(auth);
    return { items: rows.map((row) => QuickReplyResponseDto.from(row)) };
  }

  @Post()
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiKeyAccess(ApiKeyScope.ADMIN)
  @ApiOperation({ operationId: 'createQuickReply', summary: 'Add a quick reply (at most 500 per organization)' })
  @ApiCreatedResponse({ type: QuickReplyResponseDto })
  @ApiConflictResponse(SHORTCUT_TAKEN)
  @ApiUnprocessableEntityResponse({
    description: 'The organization has 500 quick replies (code quick_reply_limit_reached)',
    type: ErrorResponseDto,
  })
  async create(@Auth() auth: AuthContext, @Body() dto: CreateQuickReplyDto): Promise<QuickReplyResponseDto> {
    return QuickReplyResponseDto.from(await this.quickReplies.create(auth, dto));
  }

  @Patch(':id')
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiKeyAccess(ApiKeyScope.ADMIN)
  @ApiOperation({ operationId: 'updateQuickReply', summary: "Change a quick reply's shortcut, title or text" })
  @ApiOkResponse({ type: QuickReplyResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse(SHORTCUT_TAKEN)
  async update(
    @Auth() auth: AuthContext,
    @UuidParam() id: string,
    @Body() dto: UpdateQuickReplyDto,
  ): Promise<QuickReplyResponseDto> {
    return QuickReplyResponseDto.from(await this.quickReplies.update(auth, id, dto));
  }

  @Delete(':id')
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiKeyAccess(ApiKeyScope.ADMIN)
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteQuickReply', summary: 'Delete a quick reply' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@Auth() auth: AuthContext, @UuidParam() id: string): Promise<void> {
    await this.quickReplies.remove(auth, id);
  }
}
