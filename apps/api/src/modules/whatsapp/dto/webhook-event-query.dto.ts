import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import type { WebhookEventStatus } from '../entities/webhook-event.entity';

export const WEBHOOK_EVENT_STATUSES: WebhookEventStatus[] = [
  'pending',
  'processing',
  'processed',
  'partial',
  'failed',
  'unroutable',
  'ignored',
];

export class WebhookEventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_STATUSES })
  @IsOptional()
  @IsIn(WEBHOOK_EVENT_STATUSES, { message: `status must be one of ${WEBHOOK_EVENT_STATUSES.join(', ')}` })
  status?: WebhookEventStatus;
}
