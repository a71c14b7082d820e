import { ApiProperty } from '@nestjs/swagger';
import { TicketSourceType, TicketStatus } from '@whatrack/shared';
import { StageResponseDto } from '../../stages/dto/stage-response.dto';
import { TicketQueueFieldsDto } from './ticket-queue.dto';

export class StageRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Novo' })
  name: string;

  @ApiProperty({ example: '#3b82f6' })
  color: string;
}

/** One row of GET /tickets: the PRD's fields plus platform, updatedAt and the queue's (TicketQueueFieldsDto). */
export class TicketListItemDto extends TicketQueueFieldsDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  leadId: string;

  @ApiProperty({ type: String, nullable: true, example: 'João Silva' })
  leadName: string | null;

  @ApiProperty({ type: String, nullable: true, example: '+5511999998888' })
  leadPhone: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'google' })
  utmSource: string | null;

  @ApiProperty({ enum: TicketSourceType, enumName: 'TicketSourceType' })
  sourceType: TicketSourceType;

  @ApiProperty({ type: String, nullable: true, example: 'google_ads', description: 'Ad platform key' })
  platform: string | null;

  @ApiProperty({ type: StageRefDto })
  stage: StageRefDto;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  assigneeId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Ana Souza' })
  assigneeName: string | null;

  @ApiProperty({ example: 1500.0 })
  dealValue: number;

  @ApiProperty({ example: 12 })
  messagesCount: number;

  @ApiProperty({ example: 1 })
  salesCount: number;

  @ApiProperty({ example: 1200.0, description: 'Sum of the ticket sales' })
  totalValue: number;

  @ApiProperty({ enum: TicketStatus, enumName: 'TicketStatus' })
  status: TicketStatus;

  @ApiProperty({ example: '2026-01-15T10:30:00.000Z' })
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;
}

export class TicketSummaryDto {
  @ApiProperty({ example: 150, description: 'Tickets matching the filters' })
  total: number;

  @ApiProperty({ example: 42, description: 'Of those, tickets with at least one sale' })
  withSales: number;

  @ApiProperty({ example: 98000.5, description: 'Deal value of the open ones (in negotiation)' })
  dealValueOpen: number;

  @ApiProperty({ example: 120000.0, description: 'Deal value of all of them (open and closed)' })
  dealValueTotal: number;
}

export class TicketListResponseDto {
  @ApiProperty({ type: [TicketListItemDto] })
  items: TicketListItemDto[];

  @ApiProperty({ example: 150 })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;

  @ApiProperty({
    type: [String],
    example: ['google', 'facebook', 'organic'],
    description: 'Distinct utmSource values of the organization',
  })
  origins: string[];

  @ApiProperty({ enum: TicketSourceType, enumName: 'TicketSourceType', isArray: true, example: ['paid', 'organic'] })
  sources: TicketSourceType[];

  @ApiProperty({ type: [StageResponseDto] })
  stages: StageResponseDto[];

  @ApiProperty({ type: TicketSummaryDto })
  summary: TicketSummaryDto;
}
