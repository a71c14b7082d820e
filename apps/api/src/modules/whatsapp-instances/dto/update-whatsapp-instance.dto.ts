import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Trim } from '../../../common/validation/trim.transform';
import { CreateWhatsappInstanceDto } from './create-whatsapp-instance.dto';

export const ACCESS_TOKEN_MAX_LENGTH = 2048;

/**
 * Any field but the provider, which cannot change. null is rejected for name and phoneNumber
 * (skipNullProperties: false) and clears the optional provider ids.
 */
export class UpdateWhatsappInstanceDto extends PartialType(OmitType(CreateWhatsappInstanceDto, ['provider'] as const), {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    writeOnly: true,
    maxLength: ACCESS_TOKEN_MAX_LENGTH,
    example: 'EAAGm0PX4ZCpsBA…',
    description:
      "Cloud API only, write-only (stored encrypted, never returned): an access token of the number's WhatsApp Business Account. It is checked against the Graph API (GET /{phone_number_id}) and, when accepted for providerPhoneNumberId, the instance becomes verified: it receives that id's webhooks, ahead of other organizations' claims. Refused with 400 when not accepted (blank counts as absent). null removes the token and the verification. An instance holding a token that changes providerPhoneNumberId is verified again with it (400 when the token does not cover the new id).",
  })
  @Trim()
  @IsOptional()
  @IsString({ message: 'accessToken must be a string' })
  @MaxLength(ACCESS_TOKEN_MAX_LENGTH, {
    message: `accessToken must have at most ${ACCESS_TOKEN_MAX_LENGTH} characters`,
  })
  // Tokens are sent in an HTTP header, which holds visible ASCII only (Meta's are letters, digits and a few marks).
  @Matches(/^[\x21-\x7e]+$/, { message: 'accessToken must be visible ASCII characters without spaces' })
  accessToken?: string | null;
}
