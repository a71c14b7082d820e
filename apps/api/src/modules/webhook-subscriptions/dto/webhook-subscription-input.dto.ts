import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@whatrack/shared';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
} from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.decorator';
import { Trim } from '../../../common/validation/trim.transform';

const URL_DESCRIPTION =
  'Where deliveries are POSTed: an https:// URL whose host resolves to public addresses (400 naming url otherwise)';
const EVENTS_DESCRIPTION = 'The events sent to this URL; `ping` (the test) is always sent';

export class CreateWebhookSubscriptionDto {
  @ApiProperty({ example: 'https://crm.example.com.br/hooks/whatrack', description: URL_DESCRIPTION })
  @Trim()
  @IsString({ message: 'url must be a string' })
  @Length(1, 2048, { message: 'url must have between 1 and 2048 characters' })
  url: string;

  @ApiProperty({
    enum: WEBHOOK_EVENT_TYPES,
    enumName: 'WebhookEventType',
    isArray: true,
    example: ['ticket.created', 'sale.created'],
    description: EVENTS_DESCRIPTION,
  })
  @IsArray({ message: 'events must be an array' })
  @ArrayNotEmpty({ message: 'events must name at least one event' })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length, { message: `events must have at most ${WEBHOOK_EVENT_TYPES.length} items` })
  @ArrayUnique({ message: 'events must not repeat an event' })
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: `each event must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}` })
  events: WebhookEventType[];

  @ApiPropertyOptional({
    description: 'Default true; a paused subscription gets nothing (its pending deliveries stop)',
  })
  @IsOptional()
  @IsBoolean({ message: 'active must be a boolean' })
  active?: boolean;
}

export class UpdateWebhookSubscriptionDto {
  @ApiPropertyOptional({ example: 'https://crm.example.com.br/hooks/whatrack', description: URL_DESCRIPTION })
  @OptionalNotNull()
  @Trim()
  @IsString({ message: 'url must be a string' })
  @Length(1, 2048, { message: 'url must have between 1 and 2048 characters' })
  url?: string;

  @ApiPropertyOptional({
    enum: WEBHOOK_EVENT_TYPES,
    enumName: 'WebhookEventType',
    isArray: true,
    description: EVENTS_DESCRIPTION,
  })
  @OptionalNotNull()
  @IsArray({ message: 'events must be an array' })
  @ArrayNotEmpty({ message: 'events must name at least one event' })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length, { message: `events must have at most ${WEBHOOK_EVENT_TYPES.length} items` })
  @ArrayUnique({ message: 'events must not repeat an event' })
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: `each event must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}` })
  events?: WebhookEventType[];

  @ApiPropertyOptional({ description: 'false pauses the subscription: its pending deliveries are canceled' })
  @OptionalNotNull()
  @IsBoolean({ message: 'active must be a boolean' })
  active?: boolean;
}
