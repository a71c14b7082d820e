import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { Trim } from '../../../common/validation/trim.transform';

export class AdSpendQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'First day (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dateFrom must be a date such as 2026-01-31' })
  dateFrom?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Last day (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dateTo must be a date such as 2026-01-31' })
  dateTo?: string;

  @ApiPropertyOptional({ example: 'google_ads', description: 'Ad platform key' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(40)
  platform?: string;

  @ApiPropertyOptional({ example: 'lead_gen', description: 'Exact campaign name' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(255)
  campaign?: string;
}
