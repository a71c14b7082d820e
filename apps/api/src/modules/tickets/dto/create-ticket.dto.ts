import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TicketSourceType } from '@whatrack/shared';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsEnum,
  IsNotEmptyObject,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Trim, TrimLower } from '../../../common/validation/trim.transform';
import { IsDecimal } from '../../../common/validation/money.decorator';

export const MAX_MONEY = 999_999_999_999.99;

export class TicketLeadInputDto {
  @ApiPropertyOptional({ example: 'João Silva' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'lead.name must be a string' })
  @MaxLength(160)
  name?: string;

  @ApiPropertyOptional({
    example: '+5511999998888',
    description: 'Any common format; normalized to E.164 (default country BR). Phone or email is required.',
  })
  @IsOptional()
  @Trim()
  @IsString({ message: 'lead.phone must be a string' })
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ example: 'joao@email.com' })
  @IsOptional()
  @TrimLower()
  @IsEmail({}, { message: 'lead.email must be a valid email address' })
  @MaxLength(254)
  email?: string;
}

const utm = (example: string) => ApiPropertyOptional({ example, maxLength: 255 });
const clickId = (description: string) => ApiPropertyOptional({ description, maxLength: 512 });

export class TicketInputDto {
  @utm('google')
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(255)
  utmSource?: string;

  @utm('cpc')
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(255)
  utmMedium?: string;

  @utm('lead_gen')
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(255)
  utmCampaign?: string;

  @utm('tenis corrida')
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(255)
  utmTerm?: string;

  @utm('banner_a')
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(255)
  utmContent?: string;

  @clickId('Google Ads click id')
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(512)
  gclid?: string;

  @clickId('Google Ads iOS app-to-web click id')
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(512)
  gbraid?: string;

  @clickId('Google Ads iOS web-to-app click id')
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(512)
  wbraid?: string;

  @clickId('Meta (Facebook/Instagram) click id')
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(512)
  fbclid?: string;

  @clickId('Click-to-WhatsApp ad click id')
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(512)
  ctwaclid?: string;

  @clickId('TikTok Ads click id')
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(512)
  ttclid?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { msclkid: 'abc123' },
    description: 'Click ids by identifier type key, including types added after this API version',
  })
  @IsOptional()
  @IsObject({ message: 'ticket.clickIds must be an object of key: value' })
  clickIds?: Record<string, string>;

  @ApiPropertyOptional({ enum: TicketSourceType, enumName: 'TicketSourceType', description: 'Derived when absent' })
  @IsOptional()
  @IsEnum(TicketSourceType, { message: 'ticket.sourceType must be paid or organic' })
  sourceType?: TicketSourceType;

  @ApiPropertyOptional({ description: 'Stage id; the first stage by order when absent' })
  @IsOptional()
  @IsString({ message: 'ticket.stageId must be a string' })
  @MaxLength(64)
  stageId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'User of the organization to assign' })
  @IsOptional()
  @IsUUID('all', { message: 'ticket.assigneeId must be a UUID' })
  assigneeId?: string;

  @ApiPropertyOptional({ example: 1500.0, minimum: 0, description: 'Deal value in negotiation (at most 2 decimals)' })
  @IsOptional()
  @IsDecimal(2, 'ticket.dealValue must be a number with at most 2 decimals')
  @Min(0, { message: 'ticket.dealValue must not be negative' })
  @Max(MAX_MONEY, { message: 'ticket.dealValue is too large' })
  dealValue?: number;
}

export class CreateTicketDto {
  @ApiPropertyOptional({ format: 'uuid', description: "WhatsApp instance; the organization's first when absent" })
  @IsOptional()
  @IsUUID('all', { message: 'instanceId must be a UUID' })
  instanceId?: string;

  @ApiProperty({ type: TicketLeadInputDto })
  @IsNotEmptyObject({}, { message: 'lead must be an object with phone or email' })
  @ValidateNested()
  @Type(() => TicketLeadInputDto)
  lead: TicketLeadInputDto;

  @ApiPropertyOptional({ type: TicketInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TicketInputDto)
  ticket?: TicketInputDto;
}
