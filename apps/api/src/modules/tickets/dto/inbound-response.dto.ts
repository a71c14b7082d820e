import { ApiProperty } from '@nestjs/swagger';
import { TicketSourceType, TicketStatus } from '@whatrack/shared';

/** One row of GET /tickets/inbounds: the PRD's marketing view of a ticket. */
export class InboundItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: TicketStatus, enumName: 'TicketStatus' })
  status: TicketStatus;

  @ApiProperty({ type: String, nullable: true, example: 'EAIaIQobChMI...' })
  gclid: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  fbclid: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  ctwaclid: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'google' })
  utmSource: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'cpc' })
  utmMedium: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'lead_gen' })
  utmCampaign: string | null;

  @ApiProperty({ type: String, nullable: true })
  utmTerm: string | null;

  @ApiProperty({ type: String, nullable: true })
  utmContent: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'google_ads' })
  platform: string | null;

  @ApiProperty({ enum: TicketSourceType, enumName: 'TicketSourceType' })
  sourceType: TicketSourceType;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { gclid: 'EAIaIQobChMI...' },
    description: 'Every click id of the ticket by identifier type key',
  })
  identifiers: Record<string, string>;

  @ApiProperty({ format: 'uuid' })
  leadId: string;

  @ApiProperty({ type: String, nullable: true, example: 'João Silva' })
  leadName: string | null;

  @ApiProperty({ example: '2026-01-15T10:30:00.000Z' })
  createdAt: Date;
}

export class InboundListResponseDto {
  @ApiProperty({ type: [InboundItemDto] })
  items: InboundItemDto[];

  @ApiProperty({ example: 150 })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;
}
