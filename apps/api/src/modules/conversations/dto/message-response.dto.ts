import { ApiProperty } from '@nestjs/swagger';
import { MessageDirection } from '@whatrack/shared';
import type { MessageRow } from '../whatsapp-messages.repository';

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
    description: 'Delivery status of outbound messages: sent, delivered, read, failed',
  })
  status: string | null;

  @ApiProperty({ example: '2026-01-15T10:31:00.000Z' })
  sentAt: Date;

  static from(message: MessageRow): MessageResponseDto {
    return {
      id: message.id,
      ticketId: message.ticketId,
      direction: message.direction,
      type: message.type,
      body: message.body,
      status: message.status,
      sentAt: message.sentAt,
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
