import { ApiProperty } from '@nestjs/swagger';

export const MAX_AD_SPEND_ROWS = 10_000;

export class AdSpendRowDto {
  @ApiProperty({ example: '2026-03-01', description: 'Calendar day (YYYY-MM-DD) in the organization time zone' })
  date: string;

  @ApiProperty({ example: 'google_ads', description: 'Ad platform key: google_ads, meta_ads or tiktok_ads' })
  platform: string;

  @ApiProperty({ example: 'lead_gen', maxLength: 255, description: 'Campaign name, matched against utmCampaign' })
  campaign: string;

  @ApiProperty({ example: 150.75, minimum: 0, description: 'Amount spent that day (≥ 0, at most 2 decimals)' })
  spend: number;
}

/** JSON body of POST /ad-spend (validated row by row by the service, like the CSV upload). */
export class ImportAdSpendDto {
  @ApiProperty({
    type: [AdSpendRowDto],
    minItems: 1,
    maxItems: MAX_AD_SPEND_ROWS,
    example: [
      { date: '2026-03-01', platform: 'google_ads', campaign: 'lead_gen', spend: 150.75 },
      { date: '2026-03-01', platform: 'meta_ads', campaign: 'ctwa_marco', spend: 80 },
    ],
  })
  rows: AdSpendRowDto[];
}

export class ImportAdSpendResultDto {
  @ApiProperty({ example: 31, description: 'Rows in the request' })
  received: number;

  @ApiProperty({ example: 28, description: 'New (date, platform, campaign) rows' })
  created: number;

  @ApiProperty({ example: 3, description: 'Existing rows whose spend was replaced' })
  updated: number;
}
