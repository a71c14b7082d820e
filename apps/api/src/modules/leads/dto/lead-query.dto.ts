import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { Trim } from '../../../common/validation/trim.transform';

export class LeadQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: 'joao',
    maxLength: 200,
    description:
      'Name or e-mail (case- and accent-insensitive; from 3 characters anywhere, with 1 or 2 characters at the ' +
      'start) or phone digits (3 or more, anywhere)',
  })
  @IsOptional()
  @Trim()
  @IsString({ message: 'q must be a string' })
  @MaxLength(200, { message: 'q must have at most 200 characters' })
  q?: string;
}
