import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUPPORT_GROUPS, type SupportGroup } from '@whatrack/shared';
import { IsIn, IsOptional } from 'class-validator';
import { ReportFilterDto } from './report-query.dto';
import { ReportPeriodDto } from './report-response.dto';

export class SupportQueryDto extends ReportFilterDto {
  @ApiPropertyOptional({
    enum: SUPPORT_GROUPS,
    default: 'agent',
    description:
      'Rows per assigned agent, per WhatsApp line, or per day/week (from Monday)/month of ticket creation in the ' +
      'organization time zone',
  })
  @IsOptional()
  @IsIn(SUPPORT_GROUPS, { message: `groupBy must be one of ${SUPPORT_GROUPS.join(', ')}` })
  groupBy?: SupportGroup;
}

/** How long something took, over the tickets it happened to. */
export class DurationStatsDto {
  @ApiProperty({ example: 31, description: 'Tickets the duration is known for' })
  count: number;

  @ApiProperty({ example: 420, nullable: true, type: Number, description: 'Median, in seconds; null when count is 0' })
  medianSeconds: number | null;

  @ApiProperty({ example: 3600, nullable: true, type: Number, description: '90th percentile, in seconds' })
  p90Seconds: number | null;
}

export class SupportRowDto {
  @ApiProperty({
    example: '3f0c…',
    description: 'The agent or line id, "(none)" for unassigned tickets, or the bucket start (YYYY-MM-DD)',
  })
  key: string;

  @ApiProperty({ example: 'Ana Souza', description: 'The agent or line name, or the bucket start' })
  label: string;

  @ApiProperty({ example: 40, description: 'Tickets created in the period' })
  tickets: number;

  @ApiProperty({
    type: DurationStatsDto,
    description: 'From the ticket’s creation to the first message sent to the lead (replies, templates, echoes)',
  })
  firstResponse: DurationStatsDto;

  @ApiProperty({ type: DurationStatsDto, description: 'From the ticket’s creation to its closing (closed stage)' })
  resolution: DurationStatsDto;
}

export class StageTimeDto {
  @ApiProperty({ format: 'uuid' })
  stageId: string;

  @ApiProperty({ example: 'Em negociação' })
  name: string;

  @ApiProperty({ example: '#3b82f6' })
  color: string;

  @ApiProperty({ example: 1 })
  order: number;

  @ApiProperty({ example: false })
  isClosed: boolean;

  @ApiProperty({
    type: DurationStatsDto,
    description:
      'Time per visit of the stage (entered → left; a visit still going counts up to now, except in closed stages)',
  })
  time: DurationStatsDto;
}

export class SupportReportDto {
  @ApiProperty({ type: ReportPeriodDto })
  period: ReportPeriodDto;

  @ApiProperty({ example: 'America/Sao_Paulo' })
  timezone: string;

  @ApiProperty({ enum: SUPPORT_GROUPS, example: 'agent' })
  groupBy: SupportGroup;

  @ApiProperty({ type: SupportRowDto, description: 'Every ticket of the period (key "all")' })
  total: SupportRowDto;

  @ApiProperty({ type: [SupportRowDto], description: 'Agents and lines by tickets (most first); buckets in order' })
  rows: SupportRowDto[];

  @ApiProperty({ type: [StageTimeDto], description: 'Every stage in board order' })
  stages: StageTimeDto[];
}
