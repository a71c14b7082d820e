import { ApiProperty } from '@nestjs/swagger';
import {
  CONVERSION_KINDS,
  CONVERSION_STATUSES,
  type ConversionKind,
  type ConversionStatus,
} from '../entities/conversion.entity';

export class MetaUserDataDto {
  @ApiProperty({ type: String, nullable: true, example: '104996279225781' })
  whatsapp_business_account_id: string | null;

  @ApiProperty({
    example: 'ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMv-_zfUQ2a',
  })
  ctwa_clid: string;
}

export class MetaCustomDataDto {
  @ApiProperty({ example: 'BRL' })
  currency: string;

  @ApiProperty({ example: 1200 })
  value: number;
}

/** One event in Meta's Conversions API format (business messaging). */
export class MetaEventDto {
  @ApiProperty({ example: 'Purchase' })
  event_name: string;

  @ApiProperty({ example: 1772380800, description: 'Unix time in seconds' })
  event_time: number;

  @ApiProperty({ example: 'purchase:0b5c5f0e-8d1e-4b8e-9c39-3f1f6d7a2b10', description: 'Deduplication key' })
  event_id: string;

  @ApiProperty({ example: 'business_messaging' })
  action_source: string;

  @ApiProperty({ example: 'whatsapp' })
  messaging_channel: string;

  @ApiProperty({ type: MetaUserDataDto })
  user_data: MetaUserDataDto;

  @ApiProperty({ type: MetaCustomDataDto })
  custom_data: MetaCustomDataDto;
}

export class MetaPreviewResponseDto {
  @ApiProperty({ type: [MetaEventDto], description: 'The body Meta would receive (at most 1000 events, newest first)' })
  data: MetaEventDto[];
}

export class ConversionItemDto {
  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '3c9e1f2a-7b4d-4c8e-a1f0-6d5b2e9c8a71' })
  ticketId: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    example: '0b5c5f0e-8d1e-4b8e-9c39-3f1f6d7a2b10',
    description: 'The sale of a purchase',
  })
  saleId: string | null;

  @ApiProperty({ enum: CONVERSION_KINDS, example: 'purchase' })
  kind: ConversionKind;

  @ApiProperty({ example: 'Purchase' })
  eventName: string;

  @ApiProperty({ example: 'purchase:0b5c5f0e-8d1e-4b8e-9c39-3f1f6d7a2b10' })
  eventId: string;

  @ApiProperty({ example: '2026-03-01T13:00:00.000Z' })
  eventTime: Date;

  @ApiProperty({ type: Number, nullable: true, example: 1200 })
  value: number | null;

  @ApiProperty({ example: 'BRL' })
  currency: string;

  @ApiProperty({
    enum: CONVERSION_STATUSES,
    example: 'sent',
    description: 'pending (queued or retrying), sent, failed (gave up; see lastError) or skipped (not sendable)',
  })
  status: ConversionStatus;

  @ApiProperty({ example: 1 })
  attempts: number;

  @ApiProperty({ example: '2026-03-01T13:00:05.000Z', description: 'Next try while pending' })
  nextAttemptAt: Date;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Error of the last failed attempt' })
  lastError: string | null;

  @ApiProperty({ type: Date, nullable: true, example: '2026-03-01T13:00:07.000Z' })
  sentAt: Date | null;

  @ApiProperty({ type: MetaEventDto, description: 'The event as sent to Meta' })
  payload: MetaEventDto;

  @ApiProperty({ example: '2026-03-01T13:00:01.000Z' })
  createdAt: Date;
}

export class ConversionListResponseDto {
  @ApiProperty({ type: [ConversionItemDto] })
  items: ConversionItemDto[];

  @ApiProperty({ example: 12 })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;
}
