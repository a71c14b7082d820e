import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiKeyScope, UserRole } from '@whatrack/shared';
import { ApiKeyAccess } from '../../common/auth/api-key-scope.decorator';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { Roles } from '../../common/auth/roles.decorator';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UuidParam } from '../../common/validation/uuid-param.decorator';
import { WebhookDeliveryQueryDto } from './dto/webhook-delivery-query.dto';
import { CreateWebhookSubscriptionDto, UpdateWebhookSubscriptionDto } from './dto/webhook-subscription-input.dto';
import {
  WebhookDeliveryListResponseDto,
  WebhookDeliveryResponseDto,
  WebhookSubscriptionListResponseDto,
  WebhookSubscriptionResponseDto,
  WebhookSubscriptionWithSecretResponseDto,
} from './dto/webhook-subscription-response.dto';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

/** How a delivery looks to its receiver: Swagger's description of the tag, the one place it is documented. */
export const WEBHOOKS_DESCRIPTION = [
  'Outbound webhooks: each event of a subscription is POSTed to its URL as JSON',
  '`{ "id", "type", "createdAt", "organizationId", "data" }` (`id` is the event\'s, the same for every subscription;',
  '`data` names fields as the API does: ticketId, stageId, saleId, messageId...). Headers: `X-WhaTrack-Event` (the',
  "type), `X-WhaTrack-Delivery` (this delivery's id, the same on every retry: use it to drop duplicates),",
  '`X-WhaTrack-Timestamp` (unix seconds of this attempt) and `X-WhaTrack-Signature: v1=<hex>`, the HMAC-SHA256,',
  "keyed with the subscription's secret, of `<timestamp>.<raw body>`. Verify it on the raw bytes and refuse",
  'timestamps more than 5 minutes off (replays). Any 2xx within 10 seconds is a success; anything else is retried',
  'with exponential backoff (about 30 s doubling, at most 1 h between tries, 8 attempts by default), then marked',
  'failed. 410 Gone pauses the subscription. Deliveries are at least once and not ordered: order by createdAt.',
].join(' ');

@ApiTags('webhook-subscriptions')
@Controller('webhook-subscriptions')
@Roles(UserRole.OWNER, UserRole.ADMIN)
@ApiKeyAccess(ApiKeyScope.ADMIN)
export class WebhookSubscriptionsController {
  constructor(private readonly webhooks: WebhookSubscriptionsService) {}

  @Get()
  @ApiOperation({ operationId: 'listWebhookSubscriptions', summary: "The organization's webhook subscriptions" })
  @ApiOkResponse({ type: WebhookSubscriptionListResponseDto })
  async list(@Auth() auth: AuthContext): Promise<WebhookSubscriptionListResponseDto> {
    return { items: await this.webhooks.list(auth) };
  }

  @Post()
  @ApiOperation({
    operationId: 'createWebhookSubscription',
    summary: 'Subscribe a URL to events; the signing secret is returned only in this response',
  })
  @ApiCreatedResponse({ type: WebhookSubscriptionWithSecretResponseDto })
  @ApiBadRequestResponse({ description: 'Invalid url (https to a public host) or events', type: ErrorResponseDto })
  create(
    @Auth() auth: AuthContext,
    @Body() dto: CreateWebhookSubscriptionDto,
  ): Promise<WebhookSubscriptionWithSecretResponseDto> {
    return this.webhooks.create(auth, dto);
  }

  @Patch(':id')
  @ApiOperation({
    operationId: 'updateWebhookSubscription',
    summary: 'Change the URL or events, or pause (active=false, pending deliveries stop) and resume',
  })
  @ApiOkResponse({ type: WebhookSubscriptionResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  update(
    @Auth() auth: AuthContext,
    @UuidParam() id: string,
    @Body() dto: UpdateWebhookSubscriptionDto,
  ): Promise<WebhookSubscriptionResponseDto> {
    return this.webhooks.update(auth, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteWebhookSubscription', summary: 'Delete a subscription and its delivery log' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@Auth() auth: AuthContext, @UuidParam() id: string): Promise<void> {
    await this.webhooks.remove(auth, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'rotateWebhookSubscriptionSecret',
    summary: 'Replace the signing secret; the new one is returned only in this response and signs every later send',
  })
  @ApiOkResponse({ type: WebhookSubscriptionWithSecretResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  rotateSecret(@Auth() auth: AuthContext, @UuidParam() id: string): Promise<WebhookSubscriptionWithSecretResponseDto> {
    return this.webhooks.rotateSecret(auth, id);
  }

  @Post(':id/test')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'sendWebhookSubscriptionTest',
    summary: 'Queue a `ping` delivery to the URL now; its outcome appears in the delivery log',
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  sendTest(@Auth() auth: AuthContext, @UuidParam() id: string): Promise<WebhookDeliveryResponseDto> {
    return this.webhooks.sendTest(auth, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({
    operationId: 'listWebhookDeliveries',
    summary: 'Recent deliveries of a subscription, newest first, with every attempt (status code, error)',
  })
  @ApiOkResponse({ type: WebhookDeliveryListResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  listDeliveries(
    @Auth() auth: AuthContext,
    @UuidParam() id: string,
    @Query() query: WebhookDeliveryQueryDto,
  ): Promise<WebhookDeliveryListResponseDto> {
    return this.webhooks.listDeliveries(auth, id, query);
  }
}
