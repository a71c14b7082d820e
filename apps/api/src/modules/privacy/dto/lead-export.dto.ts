import { ApiProperty } from '@nestjs/swagger';

/*
 * The privacy export (LGPD, art. 18): everything stored about one lead, in one JSON document. The shapes mirror the
 * tables, so nothing is summarized away.
 */

export class ExportedLeadDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true, example: 'João Silva' })
  name: string | null;

  @ApiProperty({ type: String, nullable: true, example: '+5511999998888', description: 'E.164' })
  phone: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'joao@email.com' })
  email: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'WhatsApp business-scoped user id, when sent' })
  waUserId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the lead was erased' })
  erasedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class ExportedTouchDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ticketId: string | null;

  @ApiProperty({ example: 'ctwa_referral', description: 'ctwa_referral (an ad reply) or tracking_link' })
  kind: string;

  @ApiProperty({ type: String, nullable: true, example: 'meta_ads' })
  platformKey: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'ad' })
  sourceType: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { ctwaclid: 'ARAk' } })
  clickIds: Record<string, string>;

  @ApiProperty({ type: String, nullable: true })
  adId: string | null;

  @ApiProperty({ type: String, nullable: true })
  sourceUrl: string | null;

  @ApiProperty({ type: String, nullable: true })
  headline: string | null;

  @ApiProperty({ type: String, nullable: true })
  utmSource: string | null;

  @ApiProperty({ type: String, nullable: true })
  utmMedium: string | null;

  @ApiProperty({ type: String, nullable: true })
  utmCampaign: string | null;

  @ApiProperty({ type: String, nullable: true })
  utmTerm: string | null;

  @ApiProperty({ type: String, nullable: true })
  utmContent: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  touchedAt: Date;
}

export class ExportedConversationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Loja', description: 'The WhatsApp line' })
  instanceName: string;

  @ApiProperty({ example: '+5511940001234', description: "The line's number" })
  instancePhoneNumber: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastMessageAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class ExportedTrackingDto {
  @ApiProperty({ type: String, nullable: true, example: 'meta_ads' })
  platformKey: string | null;

  @ApiProperty({ type: String, nullable: true })
  adId: string | null;

  @ApiProperty({ type: String, nullable: true })
  adHeadline: string | null;

  @ApiProperty({ type: String, nullable: true })
  sourceUrl: string | null;

  @ApiProperty({ type: String, nullable: true })
  utmSource: string | null;

  @ApiProperty({ type: String, nullable: true })
  utmMedium: string | null;

  @ApiProperty({ type: String, nullable: true })
  utmCampaign: string | null;

  @ApiProperty({ type: String, nullable: true })
  utmTerm: string | null;

  @ApiProperty({ type: String, nullable: true })
  utmContent: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { gclid: 'Cj0K' } })
  clickIds: Record<string, string>;
}

export class ExportedSaleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 1200.5 })
  value: number;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  soldAt: Date;
}

export class ExportedEventDto {
  @ApiProperty({ example: 'stage_changed' })
  type: string;

  @ApiProperty({ example: 'user', description: 'user, api_key or system' })
  actorType: string;

  @ApiProperty({ type: String, nullable: true })
  actorName: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  before: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  after: Record<string, unknown> | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class ExportedMediaDto {
  @ApiProperty({ example: 'image' })
  kind: string;

  @ApiProperty({ example: 'stored', description: 'pending, stored, failed or refused' })
  status: string;

  @ApiProperty({ type: String, nullable: true, example: 'image/jpeg' })
  mimeType: string | null;

  @ApiProperty({ type: String, nullable: true })
  fileName: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 48213 })
  sizeBytes: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '/api/v1/messages/7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e/media',
    description: 'Where to GET the file (with the auth header) while it is stored; null otherwise',
  })
  url: string | null;
}

export class ExportedMessageDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  conversationId: string;

  @ApiProperty({ example: 'in', description: 'in (from the lead) or out (from the business)' })
  direction: string;

  @ApiProperty({ example: 'text' })
  type: string;

  @ApiProperty({ type: String, nullable: true, example: 'Oi, quero saber o preço' })
  body: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Structured content' })
  content: Record<string, unknown> | null;

  @ApiProperty({ type: String, nullable: true, example: 'read', description: 'Delivery status of an outbound one' })
  status: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  sentAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deletedAt: Date | null;

  @ApiProperty({ type: ExportedMediaDto, nullable: true })
  media: ExportedMediaDto | null;
}

export class ExportedConversionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  saleId: string | null;

  @ApiProperty({ example: 'purchase', description: 'purchase or stage' })
  kind: string;

  @ApiProperty({ example: 'Purchase' })
  eventName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  eventTime: Date;

  @ApiProperty({ type: Number, nullable: true })
  value: number | null;

  @ApiProperty({ example: 'BRL' })
  currency: string;

  @ApiProperty({ example: 'sent', description: 'pending, sent, failed or skipped' })
  status: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: Date | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What is (or was) sent to the platform' })
  payload: Record<string, unknown>;
}

export class ExportedTicketDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  conversationId: string;

  @ApiProperty({ example: 'open' })
  status: string;

  @ApiProperty({ example: 'paid', description: 'paid or organic' })
  sourceType: string;

  @ApiProperty({ example: { id: '3f9a2c1d-0000-4000-8000-000000000000', name: 'Novo' } })
  stage: { id: string; name: string };

  @ApiProperty({ type: String, nullable: true, example: 'Ana (atendente)' })
  assigneeName: string | null;

  @ApiProperty({ example: 0 })
  dealValue: number;

  @ApiProperty({ example: 12 })
  messagesCount: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: Date | null;

  @ApiProperty({ type: ExportedTrackingDto, nullable: true, description: 'Where the ticket came from' })
  tracking: ExportedTrackingDto | null;

  @ApiProperty({ type: [ExportedSaleDto] })
  sales: ExportedSaleDto[];

  @ApiProperty({ type: [ExportedEventDto], description: 'The timeline, in order' })
  events: ExportedEventDto[];

  @ApiProperty({ type: [ExportedMessageDto], description: 'Oldest first' })
  messages: ExportedMessageDto[];

  @ApiProperty({ type: [ExportedConversionDto], description: 'Sent to, or queued for, the ad platforms' })
  conversions: ExportedConversionDto[];
}

export class LeadExportDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'When this export was made' })
  exportedAt: Date;

  @ApiProperty({ type: ExportedLeadDto })
  lead: ExportedLeadDto;

  @ApiProperty({ type: [ExportedTouchDto], description: 'Every attributable arrival (ad replies, tracking links)' })
  touches: ExportedTouchDto[];

  @ApiProperty({ type: [ExportedConversationDto] })
  conversations: ExportedConversationDto[];

  @ApiProperty({ type: [ExportedTicketDto], description: 'Oldest first, each with what belongs to it' })
  tickets: ExportedTicketDto[];
}
