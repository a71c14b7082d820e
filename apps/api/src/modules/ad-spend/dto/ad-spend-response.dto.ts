import { ApiProperty } from '@nestjs/swagger';

export class AdSpendItemDto {
  @ApiProperty({ format: 'uuid', example: '8d2f4b1a-6c3e-4e57-b0a9-2f1d3c4e5a6b' })
  id: string;

  @ApiProperty({ example: '2026-03-01', description: 'Calendar day in the organization time zone' })
  date: string;

  @ApiProperty({ example: 'google_ads' })
  platform: string;

  @ApiProperty({ example: 'Google Ads' })
  platformName: string;

  @ApiProperty({ example: 'lead_gen' })
  campaign: string;

  @ApiProperty({ example: 150.75 })
  spend: number;

  @ApiProperty({ example: '2026-03-02T09:00:00.000Z' })
  createdAt: Date;

  @ApiProperty({ example: '2026-03-02T09:00:00.000Z' })
  updatedAt: Date;
}

export class AdSpendListResponseDto {
  @ApiProperty({ type: [AdSpendItemDto] })
  items: AdSpendItemDto[];

  @ApiProperty({ example: 62 })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;

  @ApiProperty({ example: 4580.4, description: 'Sum of the spend of every row matching the filters (all pages)' })
  totalSpend: number;
}
