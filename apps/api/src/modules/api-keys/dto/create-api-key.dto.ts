import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_KEY_SCOPES, ApiKeyScope } from '@whatrack/shared';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { Trim } from '../../../common/validation/trim.transform';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Integração do site' })
  @Trim()
  @IsString({ message: 'name must be a string' })
  @Length(1, 120, { message: 'name must have between 1 and 120 characters' })
  name: string;

  @ApiPropertyOptional({
    enum: ApiKeyScope,
    enumName: 'ApiKeyScope',
    isArray: true,
    default: [ApiKeyScope.TICKETS],
    description:
      'What the key may do; each scope includes the previous ones. read: every GET. tickets: also create and ' +
      'update tickets, leads and sales. admin: also configure stages, WhatsApp lines, ad spend, tracking links, ' +
      'conversions and the organization, and delete sales. No key manages users or API keys.',
  })
  @IsOptional()
  @IsArray({ message: 'scopes must be an array' })
  @ArrayNotEmpty({ message: 'scopes must name at least one scope' })
  @ArrayMaxSize(API_KEY_SCOPES.length, { message: `scopes must have at most ${API_KEY_SCOPES.length} items` })
  @ArrayUnique({ message: 'scopes must not repeat a scope' })
  @IsIn(API_KEY_SCOPES, { each: true, message: `each scope must be one of ${API_KEY_SCOPES.join(', ')}` })
  scopes?: ApiKeyScope[];
}
