import { ApiProperty } from '@nestjs/swagger';
import { ATTRIBUTION_GROUPS, TIMESERIES_GROUPS, TIMESERIES_INTERVALS, TIMESERIES_METRICS } from './report-query.dto';

export class ReportPeriodDto {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-03-01T03:00:00.000Z',
    description: 'Start (inclusive) of the period: midnight in the organization time zone; null when unbounded',
  })
  from: Date | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-04-01T03:00:00.000Z',
    description: 'End (exclusive); null when unbounded',
  })
  to: Date | null;
}

export class AttributionMetricsDto {
  @ApiProperty({ example: 42, description: 'Tickets created in the period' })
  tickets: number;

  @ApiProperty({ example: 9, description: 'Of those tickets, the ones with at least one sale (at any date)' })
  ticketsWithSales: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.2143,
    description: 'ticketsWithSales / tickets (4 decimals); null without tickets',
  })
  conversionRate: number | null;

  @ApiProperty({ example: 11, description: 'Sales sold (soldAt) in the period, whatever the ticket creation date' })
  salesCount: number;

  @ApiProperty({ example: 15400.5, description: 'Value of those sales' })
  revenue: number;

  @ApiProperty({ example: 22000, description: 'Deal value of the open tickets created in the period' })
  dealValueOpen: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 3200,
    description: 'Ad spend of the period (platform and utmCampaign rows; always in totals); null when none is known',
  })
  spend: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 76.19,
    description: 'Cost per lead: spend / tickets; null without spend or tickets',
  })
  cpl: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 4.8127,
    description: 'Return on ad spend: revenue / spend (4 decimals); null without spend',
  })
  roas: number | null;
}

export class AttributionRowDto extends AttributionMetricsDto {
  @ApiProperty({
    example: 'google_ads',
    description:
      'Platform key, source type, UTM value, ad id, stage id or user id; "(none)" groups the tickets without one',
  })
  key: string;

  @ApiProperty({ example: 'Google Ads', description: 'Display name (platform, stage or user name; else the key)' })
  label: string;
}

export class AttributionReportDto {
  @ApiProperty({ enum: ATTRIBUTION_GROUPS, example: 'platform' })
  groupBy: string;

  @ApiProperty({ type: ReportPeriodDto })
  period: ReportPeriodDto;

  @ApiProperty({ example: 'America/Sao_Paulo' })
  timezone: string;

  @ApiProperty({ example: 'BRL' })
  currency: string;

  @ApiProperty({ type: [AttributionRowDto] })
  rows: AttributionRowDto[];

  @ApiProperty({ type: AttributionMetricsDto, description: 'The whole filter (sum of the rows)' })
  totals: AttributionMetricsDto;
}

export class TimeseriesSeriesDto {
  @ApiProperty({ example: 'google_ads', description: 'Platform key or source type; "(none)" without one' })
  key: string;

  @ApiProperty({ example: 'Google Ads' })
  label: string;

  @ApiProperty({ type: [Number], example: [3, 0, 5], description: 'One value per bucket' })
  values: number[];

  @ApiProperty({ example: 8 })
  total: number;
}

export class TimeseriesReportDto {
  @ApiProperty({ enum: TIMESERIES_INTERVALS, example: 'day' })
  interval: string;

  @ApiProperty({ enum: TIMESERIES_METRICS, example: 'tickets' })
  metric: string;

  @ApiProperty({ enum: TIMESERIES_GROUPS, nullable: true, example: 'platform' })
  groupBy: string | null;

  @ApiProperty({ type: ReportPeriodDto })
  period: ReportPeriodDto;

  @ApiProperty({ example: 'America/Sao_Paulo' })
  timezone: string;

  @ApiProperty({ example: 'BRL' })
  currency: string;

  @ApiProperty({
    type: [String],
    example: ['2026-03-01', '2026-03-02', '2026-03-03'],
    description: 'First calendar day of each bucket in the organization time zone, every bucket present',
  })
  buckets: string[];

  @ApiProperty({ type: [Number], example: [4, 0, 7], description: 'Total per bucket' })
  totals: number[];

  @ApiProperty({ type: [TimeseriesSeriesDto], description: 'One series per group (empty without groupBy)' })
  series: TimeseriesSeriesDto[];
}

export class FunnelStageDto {
  @ApiProperty({ format: 'uuid', example: '5f0c6a3e-2b7d-4f4e-9a51-0d6c1b2e7a90' })
  stageId: string;

  @ApiProperty({ example: 'Em Andamento' })
  name: string;

  @ApiProperty({ example: '#f59e0b' })
  color: string;

  @ApiProperty({ example: 1, description: 'Kanban order' })
  order: number;

  @ApiProperty({ example: false })
  isClosed: boolean;

  @ApiProperty({ example: 12, description: 'Tickets of the filter in this stage now' })
  current: number;

  @ApiProperty({
    example: 30,
    description: 'Tickets of the filter that were ever in this stage (created in it, moved to it, or in it now)',
  })
  reached: number;
}

export class FunnelReportDto {
  @ApiProperty({ type: ReportPeriodDto })
  period: ReportPeriodDto;

  @ApiProperty({ example: 'America/Sao_Paulo' })
  timezone: string;

  @ApiProperty({ example: 42, description: 'Tickets matching the filters' })
  total: number;

  @ApiProperty({ type: [FunnelStageDto], description: 'Every stage in board order' })
  stages: FunnelStageDto[];
}
