import { ApiProperty } from '@nestjs/swagger';

export const WHATSAPP_SETUP_KEYS = ['public_url', 'verify_token', 'app_secret'] as const;
export type WhatsappSetupKey = (typeof WHATSAPP_SETUP_KEYS)[number];

export class WhatsappSetupItemDto {
  @ApiProperty({ enum: WHATSAPP_SETUP_KEYS, enumName: 'WhatsappSetupKey', example: 'app_secret' })
  key!: WhatsappSetupKey;

  @ApiProperty({ description: 'The server environment variable that holds it', example: 'WHATSAPP_APP_SECRET' })
  envVar!: string;

  @ApiProperty({ description: 'Set (and, for the public URL, an https address others can reach)' })
  ok!: boolean;

  @ApiProperty({ description: 'Needed by Cloud API lines only (Evolution lines authenticate with their own token)' })
  cloudApiOnly!: boolean;
}

export class WhatsappSetupDto {
  @ApiProperty({
    description: 'The address webhook URLs are built on (PUBLIC_URL)',
    example: 'https://crm.loja.com.br',
  })
  publicUrl!: string;

  @ApiProperty({ description: 'Every setting is present' })
  ready!: boolean;

  @ApiProperty({ type: [WhatsappSetupItemDto] })
  items!: WhatsappSetupItemDto[];
}
