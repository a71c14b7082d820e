import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { AttributionQueryDto, ReportFilterDto, TimeseriesQueryDto } from './dto/report-query.dto';
import { AttributionReportDto, FunnelReportDto, TimeseriesReportDto } from './dto/report-response.dto';
import { SupportQueryDto, SupportReportDto } from './dto/support-report.dto';
import { ReportsService } from './reports.service';
import { StatementBudget } from '../../common/db/statement-budget';

const FILTERS =
  'Takes the filters of GET /tickets (q, dateRange, dateFrom, dateTo, stageId, origin, source, hasSales, ' +
  'assigneeId) plus platform; date presets are computed in the organization time zone.';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('attribution')
  @StatementBudget('report')
  @ApiOperation({
    operationId: 'getAttributionReport',
    summary:
      'Tickets, conversion, revenue, spend, CPL and ROAS grouped by platform, source, UTM, ad, stage or assignee',
    description:
      `${FILTERS} Tickets count in the period of their creation (createdAt): tickets, ticketsWithSales, ` +
      'conversionRate and dealValueOpen describe the tickets created in the period. Revenue counts a sale in the ' +
      'period of its soldAt: salesCount and revenue are the sales sold in the period, whenever their ticket was ' +
      "created, grouped by their ticket's attributes and subject to the other filters. Tickets without a value for " +
      'the dimension (no tracking, no campaign, unassigned...) are grouped under the key "(none)", never dropped. ' +
      'Spend is the imported ad spend of the calendar days of the period: per platform for groupBy=platform, per ' +
      'campaign (matched on utmCampaign, summed across platforms unless platform is filtered) for ' +
      'groupBy=utmCampaign, where rows with spend and no tickets are listed too; null on other rows and wherever no ' +
      'spend is known. cpl = spend / tickets and roas = revenue / spend, null instead of a division by zero. Money ' +
      'is rounded to 2 decimals, rates to 4.',
  })
  @ApiOkResponse({ type: AttributionReportDto })
  attribution(@Auth() auth: AuthContext, @Query() query: AttributionQueryDto): Promise<AttributionReportDto> {
    return this.reports.attribution(auth, query);
  }

  @Get('timeseries')
  @StatementBudget('report')
  @ApiOperation({
    operationId: 'getTimeseriesReport',
    summary: 'Tickets or revenue per day, week or month, optionally split by platform or source type',
    description:
      `${FILTERS} metric=tickets counts tickets in the bucket of their createdAt; metric=revenue sums sales in the ` +
      'bucket of their soldAt. Buckets are calendar days, weeks (from Monday) or months in the organization time ' +
      'zone, from the start of the period (or the first data point when unbounded) to its end (or today), with ' +
      'empty buckets filled with 0.',
  })
  @ApiOkResponse({ type: TimeseriesReportDto })
  timeseries(@Auth() auth: AuthContext, @Query() query: TimeseriesQueryDto): Promise<TimeseriesReportDto> {
    return this.reports.timeseries(auth, query);
  }

  @Get('funnel')
  @StatementBudget('report')
  @ApiOperation({
    operationId: 'getFunnelReport',
    summary: 'Per stage: tickets in it now and tickets that ever reached it',
    description:
      `${FILTERS} Covers the tickets created in the period. "reached" counts the tickets created in the stage, ` +
      'moved to it at any time (stage_changed events of the timeline) or in it now.',
  })
  @ApiOkResponse({ type: FunnelReportDto })
  funnel(@Auth() auth: AuthContext, @Query() query: ReportFilterDto): Promise<FunnelReportDto> {
    return this.reports.funnel(auth, query);
  }

  @Get('support')
  @StatementBudget('report')
  @ApiOperation({
    operationId: 'getSupportReport',
    summary: 'First response and resolution times (median, p90) per agent, line or period; time spent per stage',
    description:
      `${FILTERS} Covers the tickets created in the period. First response: from the ticket's creation to the ` +
      'first message sent to the lead from any path (replies, templates, the phone app). Resolution: from creation ' +
      'to closing (moving to a closed stage). Tickets not yet answered or closed count in `tickets` but not in the ' +
      'durations (each duration has its own `count`). Stage times are per visit (entered → left, from the ' +
      'timeline); a visit still going counts up to now, except in closed stages. Durations are whole seconds.',
  })
  @ApiOkResponse({ type: SupportReportDto })
  support(@Auth() auth: AuthContext, @Query() query: SupportQueryDto): Promise<SupportReportDto> {
    return this.reports.support(auth, query);
  }
}
