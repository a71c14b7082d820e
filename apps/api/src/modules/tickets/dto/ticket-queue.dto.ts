import { ApiProperty } from '@nestjs/swagger';
import { MessageDirection } from '@whatrack/shared';
import type { QueueRow } from '../ticket-queue.sql';

/** What a queue row shows of a ticket's conversation (TicketListItemDto and the ticket detail have them). */
export class TicketQueueFieldsDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the last message was sent' })
  lastMessageAt: Date | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '📷 Foto',
    description:
      'The last message on one line, up to 140 characters; media show a type label ("📷 Foto", "🎤 Áudio"...) or ' +
      'their icon and caption. WhatsApp system notices never become the last message.',
  })
  lastMessagePreview: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'image', description: 'text, image, audio, ...' })
  lastMessageType: string | null;

  @ApiProperty({ enum: MessageDirection, enumName: 'MessageDirection', nullable: true })
  lastMessageDirection: MessageDirection | null;

  @ApiProperty({ example: 2, description: 'Inbound messages since the team last read the ticket' })
  unreadCount: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The oldest inbound message not answered yet; null when the last word was the business’s',
  })
  waitingSince: Date | null;
}

export function queueFieldsOf(r: QueueRow): TicketQueueFieldsDto {
  return {
    lastMessageAt: r.last_message_at,
    lastMessagePreview: r.last_message_preview,
    lastMessageType: r.last_message_type,
    lastMessageDirection: r.last_message_direction,
    unreadCount: r.unread_count,
    waitingSince: r.waiting_since,
  };
}

/** GET /tickets/views: the tickets page's views, counted over the organization's open tickets. */
export class TicketViewCountsDto {
  @ApiProperty({ example: 4, description: 'Open tickets assigned to the caller (an API key: its creator)' })
  mine: number;

  @ApiProperty({ example: 7, description: 'Open tickets nobody is assigned to' })
  unassigned: number;

  @ApiProperty({ example: 3, description: 'Open tickets waiting for an answer' })
  waiting: number;

  @ApiProperty({ example: 5, description: 'Open tickets with unread messages' })
  unread: number;
}
