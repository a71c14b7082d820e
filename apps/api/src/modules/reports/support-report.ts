import type { SupportGroup } from '@whatrack/shared';
import type { Db } from '../../database/db';
import type { DurationStatsDto, SupportReportDto, SupportRowDto } from './dto/support-report.dto';
import { NONE_KEY } from './report-dimensions.sql';
import { reportPeriod } from './report-period';
import type { ReportScope } from './report-scope';
import type { SupportGroupRow, SupportReportRepository } from './support-report.repository';

/** Whole seconds: a median of durations is not more exact than the second its timestamps are read in. */
const wholeSeconds = (value: number | null): number | null => (value === null ? null : Math.round(Number(value)));

function stats(count: number, median: number | null, p90: number | null): DurationStatsDto {
  return { count, medianSeconds: wholeSeconds(median), p90Seconds: wholeSeconds(p90) };
}

function supportRow(row: SupportGroupRow): SupportRowDto {
  const key = row.key ?? NONE_KEY;
  return {
    key,
    label: row.label ?? key,
    tickets: row.tickets,
    firstResponse: stats(row.first_response_count, row.first_response_median, row.first_response_p90),
    resolution: stats(row.resolution_count, row.resolution_median, row.resolution_p90),
  };
}

const EMPTY_TOTAL: SupportGroupRow = {
  ...{ key: 'all', label: 'all', tickets: 0 },
  ...{ first_response_count: 0, first_response_median: null, first_response_p90: null },
  ...{ resolution_count: 0, resolution_median: null, resolution_p90: null },
};

/**
 * Of the tickets created in the period: first response and resolution times (median, p90) per agent, line or
 * creation bucket and in total, and the time spent per visit of each stage.
 */
export async function buildSupportReport(
  sources: { db: Db; support: SupportReportRepository },
  scope: ReportScope,
  groupBy: SupportGroup,
  now: Date,
): Promise<SupportReportDto> {
  const tickets = { filter: scope.filter, period: scope.interval };
  const timezone = scope.org.timezone;
  const [rows, [total], stages] = await Promise.all([
    sources.support.groups(sources.db, tickets, groupBy, timezone),
    sources.support.groups(sources.db, tickets, null, timezone),
    sources.support.stageTimes(sources.db, tickets, now),
  ]);
  return {
    period: reportPeriod(scope.interval),
    timezone,
    groupBy,
    total: supportRow(total ?? EMPTY_TOTAL),
    rows: rows.map(supportRow),
    stages: stages.map((s) => ({
      stageId: s.id,
      name: s.name,
      color: s.color,
      order: s.position,
      isClosed: s.is_closed,
      time: stats(s.visits, s.median, s.p90),
    })),
  };
}
