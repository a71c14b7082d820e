import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { Trim } from '../../../common/validation/trim.transform';

export class LeadQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: 'joao',
    maxLength: 200,
    description: 'Partial match on the name (case- and accent-insensitive), the phone digits (3 or more) or the email',
  })
  @IsOptional()
  @Trim()
  @IsString({ message: 'q must be a string' })
  @MaxLength(200, { message: 'q must have at most 200 characters' })
  q?: string;
}
