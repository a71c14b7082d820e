import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.decorator';
import { Trim, TrimLower } from '../../../common/validation/trim.transform';

/**
 * Any contact field; an absent field is kept. null is rejected: a lead keeps its name, and the phone or email
 * that identifies it, once set.
 */
export class UpdateLeadDto {
  @ApiPropertyOptional({ example: 'João Silva', minLength: 1, maxLength: 160 })
  @OptionalNotNull()
  @Trim()
  @IsString({ message: 'name must be a string' })
  @Length(1, 160, { message: 'name must have between 1 and 160 characters' })
  name?: string;

  @ApiPropertyOptional({
    example: '+55 11 99999-8888',
    maxLength: 40,
    description:
      'Any common format; stored in E.164 (default country BR). Unique in the organization, ' +
      'with and without the Brazilian ninth digit',
  })
  @OptionalNotNull()
  @Trim()
  @IsString({ message: 'phone must be a string' })
  @MaxLength(40, { message: 'phone must have at most 40 characters' })
  phone?: string;

  @ApiPropertyOptional({
    example: 'joao@email.com',
    maxLength: 254,
    description: 'Stored lower-cased; unique in the organization',
  })
  @OptionalNotNull()
  @TrimLower()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254, { message: 'email must have at most 254 characters' })
  email?: string;
}
