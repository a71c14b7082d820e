import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WhatsappProvider } from '@whatrack/shared';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { Trim } from '../../../common/validation/trim.transform';

export const PROVIDER_ID_MAX_LENGTH = 64;
export const API_URL_MAX_LENGTH = 2048;
export const API_KEY_MAX_LENGTH = 512;

export class CreateWhatsappInstanceDto {
  @ApiProperty({ example: 'Atendimento Loja Centro', minLength: 1, maxLength: 120 })
  @Trim()
  @IsString({ message: 'name must be a string' })
  @Length(1, 120, { message: 'name must have between 1 and 120 characters' })
  name: string;

  @ApiProperty({
    example: '+55 11 99999-8888',
    description: 'Phone of the business line; stored in E.164 (default country BR), e.g. +5511999998888',
  })
  @Trim()
  @IsString({ message: 'phoneNumber must be a string' })
  @MaxLength(40, { message: 'phoneNumber must have at most 40 characters' })
  phoneNumber: string;

  @ApiProperty({ enum: WhatsappProvider, enumName: 'WhatsappProvider', example: WhatsappProvider.CLOUD_API })
  @IsIn(Object.values(WhatsappProvider), {
    message: `provider must be one of: ${Object.values(WhatsappProvider).join(', ')}`,
  })
  provider: WhatsappProvider;

  @ApiPropertyOptional({
    type: String,
    example: '106540352242922',
    maxLength: PROVIDER_ID_MAX_LENGTH,
    nullable: true,
    description:
      'Cloud API: the phone_number_id (digits; required, unique in the organization). Evolution: the instance name on the gateway',
  })
  @Trim()
  @IsOptional()
  @IsString({ message: 'providerPhoneNumberId must be a string' })
  @MaxLength(PROVIDER_ID_MAX_LENGTH, {
    message: `providerPhoneNumberId must have at most ${PROVIDER_ID_MAX_LENGTH} characters`,
  })
  providerPhoneNumberId?: string | null;

  @ApiPropertyOptional({
    type: String,
    example: '102290129340398',
    maxLength: PROVIDER_ID_MAX_LENGTH,
    nullable: true,
    description: 'Cloud API: the WhatsApp Business Account (WABA) id',
  })
  @Trim()
  @IsOptional()
  @IsString({ message: 'providerBusinessAccountId must be a string' })
  @MaxLength(PROVIDER_ID_MAX_LENGTH, {
    message: `providerBusinessAccountId must have at most ${PROVIDER_ID_MAX_LENGTH} characters`,
  })
  providerBusinessAccountId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uri',
    maxLength: API_URL_MAX_LENGTH,
    example: 'https://evolution.example.com',
    description:
      'Evolution only: base URL of the Evolution server replies are sent through (http or https, no user name or password, no query). It must resolve to public addresses (400 otherwise) unless the server sets ALLOW_PRIVATE_NETWORK_TARGETS. A stored apiKey is never sent to another URL: changing apiUrl on an instance holding a key requires apiKey in the same request. null removes it.',
  })
  @Trim()
  @IsOptional()
  @IsString({ message: 'apiUrl must be a string' })
  @MaxLength(API_URL_MAX_LENGTH, { message: `apiUrl must have at most ${API_URL_MAX_LENGTH} characters` })
  apiUrl?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    writeOnly: true,
    maxLength: API_KEY_MAX_LENGTH,
    example: 'B6D711FCDE4D4FD5936544120E713976',
    description:
      'Evolution only, write-only (stored encrypted, never returned; responses say hasApiKey): the API key of the Evolution server, sent in its apikey header. Blank counts as absent; null removes it.',
  })
  @Trim()
  @IsOptional()
  @IsString({ message: 'apiKey must be a string' })
  @MaxLength(API_KEY_MAX_LENGTH, { message: `apiKey must have at most ${API_KEY_MAX_LENGTH} characters` })
  // Sent in an HTTP header, which holds visible ASCII only.
  @Matches(/^[\x21-\x7e]+$/, { message: 'apiKey must be visible ASCII characters without spaces' })
  apiKey?: string | null;
}
