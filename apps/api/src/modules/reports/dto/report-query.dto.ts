import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  ATTRIBUTION_GROUPS,
  TIMESERIES_GROUPS,
  TIMESERIES_INTERVALS,
  TIMESERIES_METRICS,
  type AttributionGroup,
  type TimeseriesGroup,
  type TimeseriesInterval,
  type TimeseriesMetric,
  UNASSIGNED,
} from '@whatrack/shared';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { Trim } from '../../../common/validation/trim.transform';
import { TicketFilterDto } from '../../tickets/dto/ticket-query.dto';

/**
 * The filters of GET /tickets (same names, same meaning, dates in the organization time zone) plus the ad platform;
 * reports are not paged.
 */
// The report dimensions are shared with the SPA; re-exported for the report modules that import them from here.
export { ATTRIBUTION_GROUPS, TIMESERIES_GROUPS, TIMESERIES_INTERVALS, TIMESERIES_METRICS };
export type { AttributionGroup, TimeseriesGroup, TimeseriesInterval, TimeseriesMetric };

export class ReportFilterDto extends OmitType(TicketFilterDto, [
  ...['page', 'pageSize', 'assigneeId'],
  ...['status', 'waiting', 'unread'],
] as const) {
  // The listing's assignee filter without `me` (the queue's: a report is the organization's, cached for all).
  @ApiPropertyOptional({
    description: `The assigned user's id, or \`${UNASSIGNED}\` for tickets nobody is assigned to`,
    example: UNASSIGNED,
  })
  @IsOptional()
  @ValidateIf((dto: ReportFilterDto) => dto.assigneeId !== UNASSIGNED)
  @IsUUID('all', { message: `assigneeId must be a UUID or "${UNASSIGNED}"` })
  assigneeId?: string;

  @ApiPropertyOptional({ example: 'google_ads', description: "Ad platform key of the ticket's tracking" })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(40)
  platform?: string;
}

export class AttributionQueryDto extends ReportFilterDto {
  @ApiPropertyOptional({ enum: ATTRIBUTION_GROUPS, default: 'platform', description: 'Dimension of the rows' })
  @IsOptional()
  @IsIn(ATTRIBUTION_GROUPS, { message: `groupBy must be one of ${ATTRIBUTION_GROUPS.join(', ')}` })
  groupBy?: AttributionGroup;
}

export class TimeseriesQueryDto extends ReportFilterDto {
  @ApiPropertyOptional({
    enum: TIMESERIES_INTERVALS,
    default: 'day',
    description: 'Bucket size; weeks start on Monday. Buckets are calendar periods in the organization time zone',
  })
  @IsOptional()
  @IsIn(TIMESERIES_INTERVALS, { message: `interval must be one of ${TIMESERIES_INTERVALS.join(', ')}` })
  interval?: TimeseriesInterval;

  @ApiPropertyOptional({
    enum: TIMESERIES_METRICS,
    default: 'tickets',
    description: 'tickets: tickets by creation date; revenue: sales value by sale date (soldAt)',
  })
  @IsOptional()
  @IsIn(TIMESERIES_METRICS, { message: `metric must be one of ${TIMESERIES_METRICS.join(', ')}` })
  metric?: TimeseriesMetric;

  @ApiPropertyOptional({ enum: TIMESERIES_GROUPS, description: 'Split each bucket into one series per value' })
  @IsOptional()
  @IsIn(TIMESERIES_GROUPS, { message: `groupBy must be one of ${TIMESERIES_GROUPS.join(', ')}` })
  groupBy?: TimeseriesGroup;
}
