import { ApiProperty } from '@nestjs/swagger';
import { MessageDirection } from '@whatrack/shared';
import type { MessageRow } from '../whatsapp-messages.repository';
import { MessageContentDto, MessageContextDto, MessageMediaDto, MessageReactionDto } from './message-content.dto';

export class MessageResponseDto {
  @ApiProperty({ format: 'uuid', example: '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })
  ticketId: string;

  @ApiProperty({
    enum: MessageDirection,
    enumName: 'MessageDirection',
    example: MessageDirection.IN,
    description: 'in: from the lead; out: from the business',
  })
  direction: MessageDirection;

  @ApiProperty({ example: 'text', description: 'text, image, audio, video, document, location, ...' })
  type: string;

  @ApiProperty({ type: String, nullable: true, example: 'Olá, gostaria de um orçamento' })
  body: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'delivered',
    description: 'Delivery status of outbound messages: pending, sent, delivered, read, played, failed',
  })
  status: string | null;

  @ApiProperty({
    example: '2026-01-15T10:31:00.000Z',
    description: 'When it was sent (a reply: when the agent sent it)',
  })
  sentAt: Date;

  @ApiProperty({ example: '2026-01-15T10:31:00.000Z', description: 'When it was stored' })
  createdAt: Date;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    example: '0f1e2d3c-4b5a-4c6d-8e7f-8091a2b3c4d5',
    description: 'The user who wrote a reply in the product (null for inbound messages and those sent elsewhere)',
  })
  senderUserId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Ana Atendente' })
  senderName: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '131047',
    description: 'A failed message: the provider’s error code (or the HTTP status of a gateway)',
  })
  errorCode: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Re-engagement message',
    description: 'A failed message: why, in the provider’s words',
  })
  errorTitle: string | null;

  // Contract stand-in (web branch): the content and media branches fill these; replaced on merge.
  @ApiProperty({ type: MessageContentDto, nullable: true, description: 'What the message carries besides its text' })
  content: MessageContentDto | null;

  @ApiProperty({ type: MessageContextDto, nullable: true, description: 'The message it replies to; forwarded flags' })
  context: MessageContextDto | null;

  @ApiProperty({ type: [MessageReactionDto], description: 'The last reaction of each side (none: empty)' })
  reactions: MessageReactionDto[];

  @ApiProperty({ type: Date, nullable: true, example: null, description: 'When the sender deleted it for everyone' })
  deletedAt: Date | null;

  @ApiProperty({ type: MessageMediaDto, nullable: true, description: 'The file of a media message' })
  media: MessageMediaDto | null;

  static from(message: MessageRow): MessageResponseDto {
    return {
      id: message.id,
      ticketId: message.ticketId,
      direction: message.direction,
      type: message.type,
      body: message.body,
      status: message.status,
      sentAt: message.sentAt,
      createdAt: message.createdAt,
      senderUserId: message.senderUserId,
      senderName: message.senderName,
      errorCode: message.errorCode,
      errorTitle: message.errorTitle,
      content: null,
      context: null,
      reactions: [],
      deletedAt: null,
      media: null,
    };
  }
}

export class MessageListResponseDto {
  @ApiProperty({ type: [MessageResponseDto], description: 'Oldest first' })
  items: MessageResponseDto[];

  @ApiProperty({ example: 57 })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;
}
