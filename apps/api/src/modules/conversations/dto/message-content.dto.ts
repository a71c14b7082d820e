import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MessageDirection } from '@whatrack/shared';

/** Contract stand-in on the web branch (replaced on merge by the content and media branches): the OpenAPI shapes of the message fields in guides/13-contract.md. */

export class MessageLocationDto {
  @ApiProperty({ example: -23.561684 })
  latitude: number;

  @ApiProperty({ example: -46.655981 })
  longitude: number;

  @ApiProperty({ type: String, nullable: true, example: 'Loja Paulista' })
  name: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Av. Paulista, 1578 - Bela Vista, São Paulo' })
  address: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://maps.google.com/?q=-23.561684,-46.655981' })
  url: string | null;
}

export class SharedContactPhoneDto {
  @ApiProperty({ example: '+55 11 98765-4321' })
  phone: string;

  @ApiProperty({ type: String, nullable: true, example: 'CELL', description: 'The label the sender gave' })
  type: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '5511987654321',
    description: 'Its WhatsApp id, if on WhatsApp',
  })
  waId: string | null;
}

export class SharedContactDto {
  @ApiProperty({ example: 'Carlos Souza' })
  name: string;

  @ApiProperty({ type: [SharedContactPhoneDto] })
  phones: SharedContactPhoneDto[];

  @ApiProperty({ type: [String], example: ['carlos@example.com'] })
  emails: string[];

  @ApiProperty({ type: String, nullable: true, example: 'Padaria Pão Quente' })
  organization: string | null;
}

export class MessageInteractiveDto {
  @ApiProperty({
    enum: ['button_reply', 'list_reply', 'flow_reply', 'button'],
    example: 'list_reply',
    description:
      'button_reply/list_reply: an interactive message answered; flow_reply: a WhatsApp Flow; button: a template quick reply',
  })
  kind: 'button_reply' | 'list_reply' | 'flow_reply' | 'button';

  @ApiProperty({ type: String, nullable: true, example: 'plano-anual', description: 'The id (payload) of the option' })
  id: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Plano anual' })
  title: string | null;

  @ApiProperty({ type: String, nullable: true, example: '12 meses com 20% de desconto' })
  description: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { flow_token: 'agenda-42', data: '2026-01-20', periodo: 'manha' },
    description: 'What the lead filled in a WhatsApp Flow',
  })
  response: Record<string, unknown> | null;
}

export class OrderItemDto {
  @ApiProperty({ example: 'camiseta-azul-m' })
  productRetailerId: string;

  @ApiProperty({ example: 2 })
  quantity: number;

  @ApiProperty({ example: 59.9 })
  itemPrice: number;

  @ApiProperty({ example: 'BRL' })
  currency: string;
}

export class MessageOrderDto {
  @ApiProperty({ type: String, nullable: true, example: '194836987003835' })
  catalogId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Pode entregar amanhã?' })
  text: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'BRL' })
  currency: string | null;

  @ApiProperty({ example: 119.8, description: 'Sum of quantity × item price, or the total the provider states' })
  total: number;

  @ApiProperty({ type: [OrderItemDto], description: 'Empty when the provider sends only the total (Evolution)' })
  items: OrderItemDto[];
}

export class MessageSystemDto {
  @ApiProperty({ example: 'number_changed', description: 'number_changed, user_id_changed, identity_changed, ...' })
  kind: string;

  @ApiProperty({ type: String, nullable: true, example: 'User A changed from 5511999998888 to 5511977776666' })
  body: string | null;
}

export class MessageUnsupportedDto {
  @ApiProperty({ type: String, nullable: true, example: 'Message type unknown' })
  reason: string | null;
}

export class MessageContentDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Foto do produto' })
  caption?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'orcamento.pdf', description: 'Documents' })
  fileName?: string | null;

  @ApiPropertyOptional({ example: true, description: 'Audio: a voice note' })
  voice?: boolean;

  @ApiPropertyOptional({ type: MessageLocationDto })
  location?: MessageLocationDto;

  @ApiPropertyOptional({ type: [SharedContactDto] })
  contacts?: SharedContactDto[];

  @ApiPropertyOptional({ type: MessageInteractiveDto })
  interactive?: MessageInteractiveDto;

  @ApiPropertyOptional({ type: MessageOrderDto })
  order?: MessageOrderDto;

  @ApiPropertyOptional({ type: MessageSystemDto, description: 'A notice from WhatsApp; opens no ticket' })
  system?: MessageSystemDto;

  @ApiPropertyOptional({ type: MessageUnsupportedDto })
  unsupported?: MessageUnsupportedDto;
}

export class MessageContextDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The quoted message, when we hold it' })
  quotedMessageId: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
  })
  quotedProviderMessageId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Tem na cor azul?' })
  quotedBody: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'text' })
  quotedType: string | null;

  @ApiProperty({ example: false })
  forwarded: boolean;

  @ApiProperty({ example: false, description: 'Forwarded many times' })
  frequentlyForwarded: boolean;
}

export class MessageReactionDto {
  @ApiProperty({ example: '👍' })
  emoji: string;

  @ApiProperty({ enum: MessageDirection, enumName: 'MessageDirection', example: MessageDirection.IN })
  direction: 'in' | 'out';

  @ApiProperty({ example: '2026-01-15T10:32:00.000Z' })
  reactedAt: string;
}

export class MessageMediaDto {
  @ApiProperty({ enum: ['pending', 'stored', 'failed', 'refused'], example: 'stored' })
  status: 'pending' | 'stored' | 'failed' | 'refused';

  @ApiProperty({ type: String, nullable: true, example: 'image/jpeg' })
  mimeType: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'orcamento.pdf' })
  fileName: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 48213 })
  sizeBytes: number | null;

  @ApiProperty({ example: false, description: 'Audio: a voice note' })
  voice: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '/api/v1/messages/7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e/media',
    description: 'Only when stored',
  })
  url: string | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Why it failed' })
  error: string | null;
}
