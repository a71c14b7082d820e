import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES, type WebhookDeliveryStatus } from '@whatrack/shared';
import type { WebhookEventType } from '@whatrack/shared';

export class WebhookSubscriptionResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'https://crm.example.com.br/hooks/whatrack' })
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, enumName: 'WebhookEventType', isArray: true })
  events: WebhookEventType[];

  @ApiProperty()
  active: boolean;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;
}

export class WebhookSubscriptionWithSecretResponseDto extends WebhookSubscriptionResponseDto {
  @ApiProperty({
    example: 'whsec_q8V0fWm1nQx2bX5l3f9kR7uS0pZy4cA6dE8gH1jK2mN',
    description:
      'The signing secret, shown only in this response (at creation and rotation): keep it to verify X-WhaTrack-Signature',
  })
  secret: string;
}

export class WebhookSubscriptionListResponseDto {
  @ApiProperty({ type: [WebhookSubscriptionResponseDto] })
  items: WebhookSubscriptionResponseDto[];
}

export class WebhookAttemptDto {
  @ApiProperty()
  at: Date;

  @ApiProperty({ type: Number, nullable: true, example: 500, description: 'null when no answer came (timeout…)' })
  statusCode: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'What went wrong, with a short excerpt of the answer' })
  error: string | null;

  @ApiProperty({ example: 84 })
  durationMs: number;
}

export class WebhookDeliveryResponseDto {
  @ApiProperty({ format: 'uuid', description: 'Also sent as X-WhaTrack-Delivery' })
  id: string;

  @ApiProperty({ format: 'uuid', description: "The body's id: the same for every subscription of the event" })
  eventId: string;

  @ApiProperty({ example: 'ticket.created', description: 'One of the subscribable events, or ping (a test)' })
  eventType: string;

  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES, enumName: 'WebhookDeliveryStatus' })
  status: WebhookDeliveryStatus;

  @ApiProperty({ example: 2 })
  attempts: number;

  @ApiProperty({ type: Number, nullable: true, example: 200 })
  lastStatusCode: number | null;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastAttemptAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The next try, while pending' })
  nextAttemptAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt: Date | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty({ type: [WebhookAttemptDto], description: 'Every attempt, oldest first' })
  attemptLog: WebhookAttemptDto[];
}

export class WebhookDeliveryListResponseDto {
  @ApiProperty({ type: [WebhookDeliveryResponseDto], description: 'Newest first' })
  items: WebhookDeliveryResponseDto[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Pass as `before` for older ones' })
  nextCursor: string | null;
}
