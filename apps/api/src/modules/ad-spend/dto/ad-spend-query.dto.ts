import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { Trim } from '../../../common/validation/trim.transform';
import { IsCalendarDate } from '../../../common/validation/calendar-date.decorator';

export class AdSpendQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'First day (inclusive)' })
  @IsOptional()
  @IsCalendarDate('dateFrom')
  dateFrom?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Last day (inclusive)' })
  @IsOptional()
  @IsCalendarDate('dateTo')
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
