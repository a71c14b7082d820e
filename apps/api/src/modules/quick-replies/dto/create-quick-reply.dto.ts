import { ApiProperty } from '@nestjs/swagger';
import {
  QUICK_REPLY_SHORTCUT_MAX_LENGTH,
  QUICK_REPLY_SHORTCUT_PATTERN,
  QUICK_REPLY_VARIABLES,
  normalizeQuickReplyShortcut,
} from '@whatrack/shared';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';

/** Trims a string but keeps it when blank, so the length rule names the field instead of it vanishing. */
const TrimKeepBlank = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

const NormalizeShortcut = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normalizeQuickReplyShortcut(value) : value,
  );

export const QUICK_REPLY_TEXT_DESCRIPTION =
  'The message, 1 to 4096 characters. It may hold these variables, which the SPA fills when an agent inserts the ' +
  `quick reply: ${QUICK_REPLY_VARIABLES.map((name) => `{{${name}}}`).join(', ')}. firstName is the first word ` +
  'of the name. A variable without a value (a lead without a name) becomes empty, together with the spaces before ' +
  'it ("Olá {{lead.firstName}}, tudo bem?" → "Olá, tudo bem?"). Any other {{...}} is refused (400, field text, ' +
  'code unknown_variable).';

export class CreateQuickReplyDto {
  @ApiProperty({
    example: 'preco',
    maxLength: QUICK_REPLY_SHORTCUT_MAX_LENGTH,
    description:
      'What agents type after "/" in the reply box. A leading "/" is optional; stored in lower case without it and ' +
      'without accents ("/Preço" is "preco"): letters, digits, "-" and "_" between them. Unique in the ' +
      'organization (409, code quick_reply_shortcut_taken, field shortcut).',
  })
  @NormalizeShortcut()
  @IsString({ message: 'shortcut must be a string' })
  @Length(1, QUICK_REPLY_SHORTCUT_MAX_LENGTH, {
    message: `shortcut must have between 1 and ${QUICK_REPLY_SHORTCUT_MAX_LENGTH} characters`,
  })
  @Matches(QUICK_REPLY_SHORTCUT_PATTERN, {
    message: 'shortcut may hold letters, digits, and "-" or "_" between them',
  })
  shortcut: string;

  @ApiProperty({ example: 'Tabela de preços', maxLength: 80, description: 'A short name, shown in the suggestions' })
  @TrimKeepBlank()
  @IsString({ message: 'title must be a string' })
  @Length(1, 80, { message: 'title must have between 1 and 80 characters' })
  title: string;

  @ApiProperty({
    example: 'Olá {{lead.firstName}}! Nossos preços estão em https://loja.example/precos. Sou {{agent.firstName}}.',
    maxLength: 4096,
    description: QUICK_REPLY_TEXT_DESCRIPTION,
  })
  @TrimKeepBlank()
  @IsString({ message: 'text must be a string' })
  @Length(1, 4096, { message: 'text must have between 1 and 4096 characters' })
  text: string;
}
