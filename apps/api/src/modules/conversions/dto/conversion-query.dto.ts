import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { GOOGLE_ADS_VARIANTS, type GoogleAdsVariant } from '@whatrack/shared';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { Trim } from '../../../common/validation/trim.transform';
import { TicketFilterDto } from '../../tickets/dto/ticket-query.dto';
import {
  CONVERSION_KINDS,
  CONVERSION_STATUSES,
  type ConversionKind,
  type ConversionStatus,
} from '../entities/conversion.entity';

/** dateRange / dateFrom / dateTo as in GET /tickets, resolved in the organization time zone. */
export class ConversionPeriodQueryDto extends PickType(TicketFilterDto, ['dateRange', 'dateFrom', 'dateTo'] as const) {}

export { GOOGLE_ADS_VARIANTS, type GoogleAdsVariant };

export class GoogleAdsExportQueryDto extends ConversionPeriodQueryDto {
  @ApiProperty({ example: 'Compra WhatsApp', description: 'Name of the conversion action in Google Ads' })
  @Trim()
  @IsString({ message: 'conversionName is required: the name of the conversion action in Google Ads' })
  @Length(1, 100, { message: 'conversionName must have between 1 and 100 characters' })
  @Matches(/^[^=+\-@\t\r\n]/, { message: 'conversionName must not start with =, +, -, @ or a control character' })
  conversionName: string;

  @ApiPropertyOptional({
    enum: GOOGLE_ADS_VARIANTS,
    default: 'gclid',
    description: 'Click id column: Google Click ID (gclid), GBRAID or WBRAID',
  })
  @IsOptional()
  @IsIn(GOOGLE_ADS_VARIANTS, { message: `variant must be one of ${GOOGLE_ADS_VARIANTS.join(', ')}` })
  variant?: GoogleAdsVariant;
}

export class ConversionListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONVERSION_STATUSES })
  @IsOptional()
  @IsIn(CONVERSION_STATUSES, { message: `status must be one of ${CONVERSION_STATUSES.join(', ')}` })
  status?: ConversionStatus;

  @ApiPropertyOptional({ enum: CONVERSION_KINDS })
  @IsOptional()
  @IsIn(CONVERSION_KINDS, { message: `kind must be one of ${CONVERSION_KINDS.join(', ')}` })
  kind?: ConversionKind;

  @ApiPropertyOptional({ format: 'uuid', example: '3c9e1f2a-7b4d-4c8e-a1f0-6d5b2e9c8a71' })
  @IsOptional()
  @IsUUID('all', { message: 'ticketId must be a UUID' })
  ticketId?: string;
}
