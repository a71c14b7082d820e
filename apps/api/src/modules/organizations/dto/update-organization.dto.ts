import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsTimeZone, Length, Matches } from 'class-validator';
import { Trim } from '../../../common/validation/trim.transform';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.decorator';

export class UpdateOrganizationDto {
  @ApiPropertyOptional({ example: 'Loja da Maria' })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 120)
  name?: string;

  @ApiPropertyOptional({ example: 'America/Sao_Paulo' })
  @OptionalNotNull()
  @IsTimeZone({ message: 'timezone must be an IANA time zone such as America/Sao_Paulo' })
  timezone?: string;

  @ApiPropertyOptional({ example: 'BRL' })
  @OptionalNotNull()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as BRL' })
  currency?: string;
}
