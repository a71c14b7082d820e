import { ApiProperty } from '@nestjs/swagger';
import { MEDIA_STATUSES, type MediaStatus } from '../entities/whatsapp-media.entity';
import type { MessageMediaView } from '../whatsapp-media.sql';

/** The file of a media message, as the messages listing answers it. */
export class MessageMediaDto {
  @ApiProperty({
    enum: MEDIA_STATUSES,
    enumName: 'MessageMediaStatus',
    example: 'stored',
    description:
      'pending: being downloaded; stored: at `url`; failed: given up after retries (the file is missing); ' +
      'refused: over the size limit or of a type not kept (see `error`)',
  })
  status: MediaStatus;

  @ApiProperty({ type: String, nullable: true, example: 'image/jpeg' })
  mimeType: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Orçamento.pdf', description: 'A document’s name' })
  fileName: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 48213 })
  sizeBytes: number | null;

  @ApiProperty({ example: false, description: 'An audio recorded as a voice note' })
  voice: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '/api/v1/messages/7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e/media',
    description: 'Where to GET the file (with the auth header) once stored; null otherwise',
  })
  url: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Why the file is missing (failed) or was not kept (refused)',
  })
  error: string | null;

  static from(messageId: string, media: MessageMediaView | null): MessageMediaDto | null {
    if (!media) return null;
    return {
      status: media.status,
      mimeType: media.mimeType,
      fileName: media.fileName,
      sizeBytes: media.sizeBytes,
      voice: media.voice,
      url: media.status === 'stored' ? `/api/v1/messages/${messageId}/media` : null,
      error: media.error,
    };
  }
}
