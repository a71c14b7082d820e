import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const MAX_DELIVERIES_PAGE = 100;

export class WebhookDeliveryQueryDto {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: MAX_DELIVERIES_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_DELIVERIES_PAGE, { message: `limit must not be greater than ${MAX_DELIVERIES_PAGE}` })
  limit: number = 20;

  @ApiPropertyOptional({ format: 'uuid', description: 'The nextCursor of the previous page: deliveries older than it' })
  @IsOptional()
  @IsUUID('all', { message: 'before must be a UUID' })
  before?: string;
}
