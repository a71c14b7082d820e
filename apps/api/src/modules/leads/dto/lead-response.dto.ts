import { ApiProperty } from '@nestjs/swagger';
import { TicketStatus } from '@whatrack/shared';
import { TicketInstanceDto } from '../../tickets/dto/ticket-detail-response.dto';
import { StageRefDto } from '../../tickets/dto/ticket-response.dto';
import type { LeadRow } from '../leads.repository';

export class LeadResponseDto {
  @ApiProperty({ format: 'uuid', example: '8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' })
  id: string;

  @ApiProperty({ type: String, nullable: true, example: 'João Silva' })
  name: string | null;

  @ApiProperty({ type: String, nullable: true, example: '+5511999998888', description: 'E.164' })
  phone: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'joao@email.com', description: 'Lower-cased' })
  email: string | null;

  @ApiProperty({ example: 3, description: "Number of the lead's tickets" })
  ticketsCount: number;

  @ApiProperty({ example: '2026-01-15T10:30:00.000Z' })
  createdAt: Date;

  @ApiProperty({ example: '2026-01-16T08:00:00.000Z' })
  updatedAt: Date;

  static from(
    lead: Pick<LeadRow, 'id' | 'name' | 'phone' | 'email' | 'createdAt' | 'updatedAt'>,
    ticketsCount: number,
  ): LeadResponseDto {
    return {
      id: lead.id,
      name: lead.name,
      phone: lead.phone,
      email: lead.email,
      ticketsCount,
      createdAt: lead.createdAt,
      updatedAt: lead.updatedAt,
    };
  }
}

export class LeadListResponseDto {
  @ApiProperty({ type: [LeadResponseDto], description: 'Newest first' })
  items: LeadResponseDto[];

  @ApiProperty({ example: 42, description: 'Leads matching the search' })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;
}

export class LeadConversationDto {
  @ApiProperty({ format: 'uuid', example: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9' })
  id: string;

  @ApiProperty({ type: TicketInstanceDto, description: 'The WhatsApp line the conversation happens on' })
  instance: TicketInstanceDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-01-16T08:00:00.000Z' })
  lastMessageAt: Date | null;

  @ApiProperty({ example: '2026-01-15T10:30:00.000Z' })
  createdAt: Date;
}

export class LeadTicketDto {
  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })
  id: string;

  @ApiProperty({ enum: TicketStatus, enumName: 'TicketStatus', example: TicketStatus.OPEN })
  status: TicketStatus;

  @ApiProperty({ type: StageRefDto })
  stage: StageRefDto;

  @ApiProperty({ example: 1500.0 })
  dealValue: number;

  @ApiProperty({ example: 1 })
  salesCount: number;

  @ApiProperty({ example: 1200.0, description: 'Sum of the ticket sales' })
  totalValue: number;

  @ApiProperty({ example: '2026-01-15T10:30:00.000Z' })
  createdAt: Date;
}

export class LeadDetailResponseDto extends LeadResponseDto {
  @ApiProperty({ type: [LeadConversationDto], description: 'One per WhatsApp instance, newest first' })
  conversations: LeadConversationDto[];

  @ApiProperty({ type: [LeadTicketDto], description: 'Newest first' })
  tickets: LeadTicketDto[];
}
