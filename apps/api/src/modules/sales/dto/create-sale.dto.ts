import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../../../common/validation/trim.transform';
import { MAX_MONEY } from '../../tickets/dto/create-ticket.dto';
import { IsDecimal } from '../../../common/validation/money.decorator';

export class CreateSaleDto {
  @ApiProperty({ example: 1200.0, description: 'Sale value (> 0, at most 2 decimals) in the organization currency' })
  @IsDecimal(2, 'value must be a number with at most 2 decimals')
  @Min(0.01, { message: 'value must be greater than 0' })
  @Max(MAX_MONEY, { message: 'value is too large' })
  value: number;

  @ApiPropertyOptional({ example: 'Plano anual' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'description must be a string' })
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ example: '2026-01-20T14:00:00-03:00', description: 'When the sale happened; now when absent' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'soldAt must be an ISO 8601 date-time' })
  soldAt?: string;
}
