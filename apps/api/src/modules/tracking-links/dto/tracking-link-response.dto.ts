import { ApiProperty } from '@nestjs/swagger';

export class TrackingLinkResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Google Ads - Tênis de corrida' })
  name: string;

  @ApiProperty({ format: 'uuid' })
  instanceId: string;

  @ApiProperty({ example: 'Olá! Quero saber mais sobre o tênis de corrida' })
  message: string;

  @ApiProperty({ example: 'k3m9x2pq7a' })
  slug: string;

  @ApiProperty({
    example: 'https://app.example.com/t/k3m9x2pq7a',
    description: 'Public URL to use as the ad destination; append utm_* and click ids as query parameters',
  })
  url: string;

  @ApiProperty({ example: 120 })
  clicks: number;

  @ApiProperty({ example: 14, description: 'Tickets opened by a message carrying a click code of this link' })
  tickets: number;

  @ApiProperty()
  createdAt: Date;
}

export class TrackingLinkListResponseDto {
  @ApiProperty({ type: [TrackingLinkResponseDto] })
  items: TrackingLinkResponseDto[];
}
