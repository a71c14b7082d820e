import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export const TEXT_MAX_LENGTH = 4096;
export const TEMPLATE_VARIABLES_MAX = 20;

export class TemplateMessageDto {
  @ApiProperty({
    example: 'retomada_atendimento',
    description: 'An approved template of the line’s WhatsApp Business Account',
  })
  @IsString({ message: 'template.name must be a string' })
  @Matches(/^[a-z0-9_]{1,512}$/, { message: 'template.name must be lower-case letters, digits and underscores' })
  name: string;

  @ApiProperty({ example: 'pt_BR', description: 'The template’s language code, as listed by the templates endpoint' })
  @IsString({ message: 'template.language must be a string' })
  @Matches(/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/, { message: 'template.language must be a code such as pt_BR or en' })
  language: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['Maria'],
    description: 'Values of the body’s {{1}}, {{2}}… in order',
    maxItems: TEMPLATE_VARIABLES_MAX,
  })
  @IsOptional()
  @IsArray({ message: 'template.variables must be an array of strings' })
  @ArrayMaxSize(TEMPLATE_VARIABLES_MAX, {
    message: `template.variables must have at most ${TEMPLATE_VARIABLES_MAX} items`,
  })
  @IsString({ each: true, message: 'template.variables must be an array of strings' })
  @Length(1, 1024, { each: true, message: 'template.variables items must have between 1 and 1024 characters' })
  variables?: string[];
}

/** Free text, or a template (Cloud API lines only): exactly one of them. */
export class SendMessageDto {
  @ApiPropertyOptional({
    example: 'Olá, Maria! O orçamento segue em anexo.',
    minLength: 1,
    maxLength: TEXT_MAX_LENGTH,
    description: 'Free text; on Cloud API lines only within 24 h of the lead’s last message (409 otherwise)',
  })
  @IsOptional()
  @IsString({ message: 'text must be a string' })
  @MaxLength(TEXT_MAX_LENGTH, { message: `text must have at most ${TEXT_MAX_LENGTH} characters` })
  @Matches(/\S/, { message: 'text must not be blank' })
  text?: string;

  @ApiPropertyOptional({ type: TemplateMessageDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TemplateMessageDto)
  template?: TemplateMessageDto;
}
