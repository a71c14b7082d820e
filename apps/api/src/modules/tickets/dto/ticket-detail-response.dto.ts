import { ApiProperty } from '@nestjs/swagger';
import { TicketCreatorType, TicketEventType, TicketSourceType, TicketStatus, WhatsappProvider } from '@whatrack/shared';
import { StageResponseDto } from '../../stages/dto/stage-response.dto';
import { LeadTouchDto } from '../../leads/dto/lead-touch.dto';
import { TicketQueueFieldsDto } from './ticket-queue.dto';

export class TicketLeadDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true, example: 'João Silva' })
  name: string | null;

  @ApiProperty({ type: String, nullable: true, example: '+5511999998888' })
  phone: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'joao@email.com' })
  email: string | null;
}

export class TicketInstanceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Atendimento' })
  name: string;

  @ApiProperty({ example: '+5511912345678' })
  phoneNumber: string;

  @ApiProperty({ enum: WhatsappProvider, enumName: 'WhatsappProvider' })
  provider: WhatsappProvider;
}

/** The ticket's line, with whether replies can be sent through it. */
export class TicketLineDto extends TicketInstanceDto {
  @ApiProperty({
    example: true,
    description: 'Whether the line holds its sending credentials (Cloud API: access token; Evolution: API URL and key)',
  })
  canSend: boolean;
}

export class TicketConversationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: TicketLineDto })
  instance: TicketLineDto;

  @ApiProperty({ type: Date, nullable: true, description: 'When the lead last wrote on this conversation' })
  lastInboundAt: Date | null;
}

/** The WhatsApp customer service window (Cloud API): free text until 24 h after the lead's last message. */
export class ReplyWindowDto {
  @ApiProperty({ example: true, description: 'Free text can be sent now (always true on Evolution lines)' })
  open: boolean;

  @ApiProperty({
    type: Date,
    nullable: true,
    example: '2026-01-16T10:31:00.000Z',
    description: 'When free text stops being accepted; null on Evolution lines or when the lead never wrote',
  })
  expiresAt: Date | null;
}

export class AdPlatformDto {
  @ApiProperty({ example: 'google_ads' })
  key: string;

  @ApiProperty({ example: 'Google Ads' })
  name: string;
}

export class TicketTrackingDto {
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

  @ApiProperty({ type: AdPlatformDto, nullable: true })
  platform: AdPlatformDto | null;

  @ApiProperty({ type: String, nullable: true, description: 'Ad id (e.g. the Click-to-WhatsApp source_id)' })
  adId: string | null;

  @ApiProperty({ type: String, nullable: true })
  sourceUrl: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Tênis de corrida com 30% off',
    description: 'Ad headline (Click-to-WhatsApp)',
  })
  adHeadline: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { gclid: 'EAIaIQobChMI...' } })
  identifiers: Record<string, string>;
}

export class TicketSaleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  ticketId: string;

  @ApiProperty({ example: 1200.0 })
  value: number;

  @ApiProperty({ type: String, nullable: true, example: 'Plano anual' })
  description: string | null;

  @ApiProperty({ example: '2026-01-20T14:00:00.000Z' })
  soldAt: Date;

  @ApiProperty()
  createdAt: Date;
}

export class TicketEventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: TicketEventType, enumName: 'TicketEventType' })
  type: TicketEventType;

  @ApiProperty({ enum: ['user', 'api_key', 'system'] })
  actorType: 'user' | 'api_key' | 'system';

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  actorId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Ana Souza' })
  actorName: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { stageId: '…', stageName: 'Novo' },
  })
  before: Record<string, unknown> | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { stageId: '…', stageName: 'Em Andamento' },
  })
  after: Record<string, unknown> | null;

  @ApiProperty()
  createdAt: Date;
}

export class TicketDetailResponseDto extends TicketQueueFieldsDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: TicketStatus, enumName: 'TicketStatus' })
  status: TicketStatus;

  @ApiProperty({ enum: TicketSourceType, enumName: 'TicketSourceType' })
  sourceType: TicketSourceType;

  @ApiProperty({ enum: TicketCreatorType, enumName: 'TicketCreatorType' })
  creatorType: TicketCreatorType;

  @ApiProperty({ example: 1500.0 })
  dealValue: number;

  @ApiProperty({ example: 12 })
  messagesCount: number;

  @ApiProperty({
    type: Date,
    nullable: true,
    description: 'The first outbound message on the ticket (a reply, or a message the business sent from its phone)',
  })
  firstResponseAt: Date | null;

  @ApiProperty({ type: ReplyWindowDto })
  replyWindow: ReplyWindowDto;

  @ApiProperty({ example: 1 })
  salesCount: number;

  @ApiProperty({ example: 1200.0 })
  totalValue: number;

  @ApiProperty({ format: 'uuid' })
  leadId: string;

  @ApiProperty({ type: TicketLeadDto })
  lead: TicketLeadDto;

  @ApiProperty({ type: TicketConversationDto })
  conversation: TicketConversationDto;

  @ApiProperty({ type: StageResponseDto })
  stage: StageResponseDto;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  assigneeId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Ana Souza' })
  assigneeName: string | null;

  @ApiProperty({ type: TicketTrackingDto, nullable: true })
  tracking: TicketTrackingDto | null;

  @ApiProperty({ type: [TicketSaleDto] })
  sales: TicketSaleDto[];

  @ApiProperty({ type: [TicketEventDto], description: 'Activity timeline, oldest first' })
  events: TicketEventDto[];

  @ApiProperty({
    type: [LeadTouchDto],
    description:
      "The lead's ad clicks and tracking links filed on this ticket, oldest first: the first opened it (its tracking), the last is its latest touch",
  })
  touches: LeadTouchDto[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: Date | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;
}
