import { ApiProperty } from '@nestjs/swagger';
import { WhatsappProvider } from '@whatrack/shared';
import type { WebhookEventStatus } from '../entities/webhook-event.entity';
import type { WebhookEventView } from '../webhook-events.sql';
import { WEBHOOK_EVENT_STATUSES } from './webhook-event-query.dto';

export class WebhookRejectionDto {
  @ApiProperty({ type: String, nullable: true, example: 'wamid.HBgM...' })
  providerMessageId: string | null;

  @ApiProperty({ example: 'no_sender', description: "The domain error's code, or sqlstate_<SQLSTATE>" })
  code: string;

  @ApiProperty({ example: 'from: the message names no sender (neither wa_id nor user id)' })
  reason: string;

  @ApiProperty({ type: String, format: 'date-time' })
  at: string;
}

export class WebhookEventResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: WhatsappProvider, enumName: 'WhatsappProvider' })
  provider: WhatsappProvider;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  instanceId: string | null;

  @ApiProperty({ enum: WEBHOOK_EVENT_STATUSES })
  status: WebhookEventStatus;

  @ApiProperty({ example: 1 })
  attempts: number;

  @ApiProperty({ type: String, nullable: true, example: 'WhatsApp instance … no longer exists' })
  lastError: string | null;

  @ApiProperty()
  receivedAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  processedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  nextAttemptAt: Date;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The body as received' })
  body: unknown;

  @ApiProperty({
    type: [WebhookRejectionDto],
    description: "Messages rejected on their own (status 'partial'); POST …/retry applies them again",
  })
  rejections: WebhookRejectionDto[];

  static from(e: WebhookEventView): WebhookEventResponseDto {
    return {
      id: e.id,
      provider: e.provider,
      instanceId: e.instanceId,
      status: e.status,
      attempts: e.attempts,
      lastError: e.lastError,
      receivedAt: e.receivedAt,
      processedAt: e.processedAt,
      nextAttemptAt: e.nextAttemptAt,
      body: e.body,
      rejections: e.rejections,
    };
  }
}

export class WebhookEventListResponseDto {
  @ApiProperty({ type: [WebhookEventResponseDto] })
  items: WebhookEventResponseDto[];

  @ApiProperty({ example: 42 })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;
}
