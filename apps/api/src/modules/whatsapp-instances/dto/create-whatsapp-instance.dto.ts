import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WhatsappProvider } from '@whatrack/shared';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Trim } from '../../../common/validation/trim.transform';

export const PROVIDER_ID_MAX_LENGTH = 64;

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
}
