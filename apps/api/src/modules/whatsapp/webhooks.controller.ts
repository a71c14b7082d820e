import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  type RawBodyRequest,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBody,
  ApiExcludeEndpoint,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/public.decorator';
import { WebhookIntakeService } from './webhook-intake.service';
import { NoRateLimit } from '../../common/http/rate-limits';

/** Public endpoints that WhatsApp providers call. They only authenticate and store; processing is asynchronous. */
@ApiTags('webhooks')
@NoRateLimit()
@Controller('webhooks/whatsapp')
export class WebhooksController {
  constructor(private readonly intake: WebhookIntakeService) {}

  @Public()
  @Get('cloud')
  @ApiOperation({
    operationId: 'verifyCloudWebhook',
    summary: "Meta's subscription handshake: answers hub.challenge as plain text",
  })
  @ApiQuery({ name: 'hub.mode', required: true, example: 'subscribe' })
  @ApiQuery({ name: 'hub.verify_token', required: true })
  @ApiQuery({ name: 'hub.challenge', required: true })
  @ApiOkResponse({ description: 'The challenge', content: { 'text/plain': { schema: { type: 'string' } } } })
  @ApiForbiddenResponse({ description: 'Wrong hub.mode or hub.verify_token', type: ErrorResponseDto })
  verifyCloud(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): string {
    const challenge = this.intake.verifySubscription(
      query['hub.mode'],
      query['hub.verify_token'],
      query['hub.challenge'],
    );
    // Only the success is plain text: a refusal is the usual JSON error body.
    res.type('text/plain; charset=utf-8');
    return challenge;
  }

  @Public()
  @Post('cloud')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'receiveCloudWebhook',
    summary: 'WhatsApp Cloud API webhook (signed with X-Hub-Signature-256); stored, then processed asynchronously',
  })
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  @ApiOkResponse({ description: 'Stored' })
  @ApiUnauthorizedResponse({ description: 'Missing or wrong X-Hub-Signature-256', type: ErrorResponseDto })
  async receiveCloud(@Req() req: RawBodyRequest<Request>, @Body() body: unknown): Promise<void> {
    await this.intake.receiveCloud(req.rawBody, body, req.headers);
  }

  @Public()
  @Post('evolution/:instanceId')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'receiveEvolutionWebhook',
    summary: "Evolution API webhook, authenticated by the instance's webhookToken (header apikey or ?token=)",
  })
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  @ApiOkResponse({ description: 'Stored' })
  @ApiUnauthorizedResponse({ description: 'Missing or wrong webhook token', type: ErrorResponseDto })
  async receiveEvolution(
    @Param('instanceId') instanceId: string,
    @Headers('apikey') apiKey: string | undefined,
    @Query('token') token: string | undefined,
    @Req() req: Request,
    @Body() body: unknown,
  ): Promise<void> {
    await this.intake.receiveEvolution(instanceId, apiKey ?? token, body, req.headers);
  }

  /**
   * Evolution's "webhook by events" mode (WEBHOOK_BY_EVENTS): it posts each event to `<url>/<event-name>`, the name
   * in kebab case (e.g. messages-upsert, connection-update). Same authentication and storage as the plain route.
   */
  @Public()
  @Post('evolution/:instanceId/:event')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'receiveEvolutionWebhookByEvent',
    summary: 'Evolution API webhook in "webhook by events" mode (`…/messages-upsert`); as receiveEvolutionWebhook',
  })
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  @ApiOkResponse({ description: 'Stored' })
  @ApiUnauthorizedResponse({ description: 'Missing or wrong webhook token', type: ErrorResponseDto })
  async receiveEvolutionByEvent(
    @Param('instanceId') instanceId: string,
    @Param('event') event: string,
    @Headers('apikey') apiKey: string | undefined,
    @Query('token') token: string | undefined,
    @Req() req: Request,
    @Body() body: unknown,
  ): Promise<void> {
    await this.intake.receiveEvolution(instanceId, apiKey ?? token, body, req.headers, event);
  }

  /** Some gateways probe the URL with GET before saving it. */
  @Public()
  @Get('evolution/:instanceId')
  @ApiExcludeEndpoint()
  probeEvolution(): { ok: true } {
    return { ok: true };
  }
}
