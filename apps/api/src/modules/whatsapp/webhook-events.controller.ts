import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, UserRole } from '@whatrack/shared';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { Roles } from '../../common/auth/roles.decorator';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UuidParam } from '../../common/validation/uuid-param.decorator';
import { WebhookEventQueryDto } from './dto/webhook-event-query.dto';
import { WebhookEventListResponseDto, WebhookEventResponseDto } from './dto/webhook-event-response.dto';
import { WebhookEventsService } from './webhook-events.service';
import { StatementBudget } from '../../common/db/statement-budget';
import { ApiKeyAccess } from '../../common/auth/api-key-scope.decorator';

@ApiTags('webhooks')
@Controller('webhook-events')
@Roles(UserRole.OWNER, UserRole.ADMIN)
@ApiKeyAccess(ApiKeyScope.ADMIN)
export class WebhookEventsController {
  constructor(private readonly events: WebhookEventsService) {}

  @Get()
  @StatementBudget('listing')
  @ApiOperation({
    operationId: 'listWebhookEvents',
    summary: 'Received WhatsApp webhook events with their processing status',
  })
  @ApiOkResponse({ type: WebhookEventListResponseDto })
  async list(@Auth() auth: AuthContext, @Query() query: WebhookEventQueryDto): Promise<WebhookEventListResponseDto> {
    const { items, total } = await this.events.list(auth, query);
    return {
      items: items.map((e) => WebhookEventResponseDto.from(e)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ operationId: 'retryWebhookEvent', summary: 'Process a stored event again now (e.g. after a fix)' })
  @ApiOkResponse({ type: WebhookEventResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async retry(@Auth() auth: AuthContext, @UuidParam() id: string): Promise<WebhookEventResponseDto> {
    return WebhookEventResponseDto.from(await this.events.retry(auth, id));
  }
}
