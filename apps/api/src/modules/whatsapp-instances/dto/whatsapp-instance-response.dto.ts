import { ApiProperty } from '@nestjs/swagger';
import { WhatsappProvider } from '@whatrack/shared';
import type { WhatsappInstanceRow } from '../whatsapp-instances.repository';

export class WhatsappInstanceResponseDto {
  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-6d4a-4f7e-9b1a-2c5d8e7f9a10' })
  id: string;

  @ApiProperty({ example: 'Atendimento Loja Centro' })
  name: string;

  @ApiProperty({ example: '+5511999998888', description: 'E.164' })
  phoneNumber: string;

  @ApiProperty({ enum: WhatsappProvider, enumName: 'WhatsappProvider', example: WhatsappProvider.CLOUD_API })
  provider: WhatsappProvider;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '106540352242922',
    description: 'Cloud API: phone_number_id. Evolution: the instance name on the gateway',
  })
  providerPhoneNumberId: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '102290129340398',
    description: 'Cloud API: WhatsApp Business Account id',
  })
  providerBusinessAccountId: string | null;

  @ApiProperty({
    example: true,
    description: 'Cloud API: an access token is stored (it is write-only: never returned)',
  })
  hasAccessToken: boolean;

  @ApiProperty({
    example: true,
    description:
      "Cloud API: the Graph API accepted the stored access token for providerPhoneNumberId, so this instance receives that id's webhooks whatever other organizations claim",
  })
  verified: boolean;

  @ApiProperty({
    example: false,
    description:
      'Cloud API: another organization verified this providerPhoneNumberId, so this unverified instance receives none of its webhooks (set accessToken to verify it)',
  })
  conflicting: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://evolution.example.com',
    description: 'Evolution: base URL of the Evolution server replies are sent through',
  })
  apiUrl: string | null;

  @ApiProperty({
    example: true,
    description: 'Evolution: an API key for apiUrl is stored (it is write-only: never returned)',
  })
  hasApiKey: boolean;

  @ApiProperty({
    example: 'https://app.example.com/api/v1/webhooks/whatsapp/evolution/3f2b8c1e-6d4a-4f7e-9b1a-2c5d8e7f9a10',
    description: 'The URL to paste into Meta (Cloud API) or the Evolution gateway',
  })
  webhookUrl: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '9c1d6f0e2a...',
    description: 'Evolution: the token it must send (header apikey or ?token=). Only shown to owners and admins',
  })
  webhookToken: string | null;

  @ApiProperty({ example: '2026-01-15T13:45:00.000Z' })
  createdAt: Date;

  static from(
    instance: WhatsappInstanceRow,
    webhookUrl: string,
    state: Pick<
      WhatsappInstanceResponseDto,
      'webhookToken' | 'hasAccessToken' | 'hasApiKey' | 'verified' | 'conflicting'
    >,
  ): WhatsappInstanceResponseDto {
    return {
      id: instance.id,
      name: instance.name,
      phoneNumber: instance.phoneNumber,
      provider: instance.provider,
      providerPhoneNumberId: instance.providerPhoneNumberId,
      providerBusinessAccountId: instance.providerBusinessAccountId,
      hasAccessToken: state.hasAccessToken,
      verified: state.verified,
      conflicting: state.conflicting,
      apiUrl: instance.apiUrl,
      hasApiKey: state.hasApiKey,
      webhookUrl,
      webhookToken: state.webhookToken,
      createdAt: instance.createdAt,
    };
  }
}

export class WhatsappInstanceListResponseDto {
  @ApiProperty({
    type: [WhatsappInstanceResponseDto],
    description: "Oldest first: items[0] is the organization's first instance",
  })
  items: WhatsappInstanceResponseDto[];
}
