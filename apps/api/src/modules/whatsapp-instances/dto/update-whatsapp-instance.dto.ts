import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateWhatsappInstanceDto } from './create-whatsapp-instance.dto';

/**
 * Any field but the provider, which cannot change. null is rejected for name and phoneNumber
 * (skipNullProperties: false) and clears the optional provider ids.
 */
export class UpdateWhatsappInstanceDto extends PartialType(OmitType(CreateWhatsappInstanceDto, ['provider'] as const), {
  skipNullProperties: false,
}) {}
