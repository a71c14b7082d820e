import { ApiProperty } from '@nestjs/swagger';
import type { NoteRow } from '../ticket-notes.repository';

export class NoteResponseDto {
  @ApiProperty({ format: 'uuid', example: '0190f3a2-7b8c-7d0e-8f2a-4b3c8d4e5f6a' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })
  ticketId: string;

  @ApiProperty({ example: 'Cliente pediu 10% de desconto. @Ana Souza, você aprova?' })
  text: string;

  @ApiProperty({
    enum: ['user', 'api_key'],
    enumName: 'NoteAuthorType',
    example: 'user',
    description: 'user: written in the product; api_key: written through the API with a key (authorName is its name)',
  })
  authorType: 'user' | 'api_key';

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    example: '0f1e2d3c-4b5a-4c6d-8e7f-8091a2b3c4d5',
    description: 'The user who wrote it (null when an API key did)',
  })
  authorUserId: string | null;

  @ApiProperty({ example: 'Bruno Lima', description: "The author's name when the note was written" })
  authorName: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The users the note mentions (they were notified)' })
  mentionedUserIds: string[];

  @ApiProperty({ example: '2026-01-15T10:31:00.000Z' })
  createdAt: Date;

  static from(row: NoteRow): NoteResponseDto {
    return {
      id: row.id,
      ticketId: row.ticketId,
      text: row.text,
      authorType: row.authorType,
      authorUserId: row.authorType === 'user' ? row.authorId : null,
      authorName: row.authorName,
      mentionedUserIds: row.mentionedUserIds,
      createdAt: row.createdAt,
    };
  }
}

export class NoteListResponseDto {
  @ApiProperty({ type: [NoteResponseDto] })
  items: NoteResponseDto[];

  @ApiProperty({ example: 3 })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;
}
