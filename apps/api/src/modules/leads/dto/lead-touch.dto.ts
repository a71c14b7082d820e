import { ApiProperty } from '@nestjs/swagger';

/** One attributable arrival of the lead filed on this ticket (a Click-to-WhatsApp referral or a tracking link). */
export class LeadTouchDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['ctwa_referral', 'tracking_link'] })
  kind: 'ctwa_referral' | 'tracking_link';

  @ApiProperty({ type: String, nullable: true, example: 'meta_ads', description: 'Ad platform key' })
  platform: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'ad',
    description: "A referral's source_type: 'ad' (paid) or 'post' (organic)",
  })
  sourceType: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { ctwaclid: 'ARAkLkA8rmlFeiCktEJQ' },
  })
  clickIds: Record<string, string>;

  @ApiProperty({ type: String, nullable: true, example: '120212345678900000' })
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

  @ApiProperty({ type: String, nullable: true, description: 'The message that carried it' })
  providerMessageId: string | null;

  @ApiProperty({ description: 'When the lead touched (the message was sent)' })
  touchedAt: Date;
}
