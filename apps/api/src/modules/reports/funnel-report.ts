import type { Db } from '../../database/db';
import type { FunnelReportDto } from './dto/report-response.dto';
import type { TicketReachRepository } from '../ticket-rollups/ticket-reach.repository';
import type { FunnelReportRepository } from './funnel-report.repository';
import { reportPeriod } from './report-period';
import type { ReportScope } from './report-scope';

/**
 * Per stage, of the tickets created in the period: how many are in it now, and how many ever reached it (created
 * in it, moved to it by a stage_changed event, or in it now). Every stage is listed, in board order.
 */
export async function buildFunnelReport(
  sources: { db: Db; funnel: FunnelReportRepository; reach: TicketReachRepository },
  scope: ReportScope,
): Promise<FunnelReportDto> {
  const { filter, interval, rollup } = scope;
  // The rollups' reach cells when they can answer the filter (no search); the tickets and their timelines otherwise.
  const rows = rollup
    ? await sources.reach.funnelStages(sources.db, rollup)
    : await sources.funnel.stages(sources.db, { filter, period: interval });
  return {
    period: reportPeriod(interval),
    timezone: scope.org.timezone,
    // The count of filtered tickets is repeated on every stage row; an organization without stages gets no row.
    total: rows.length > 0 ? rows[0].total : 0,
    stages: rows.map((r) => ({
      stageId: r.id,
      name: r.name,
      color: r.color,
      order: r.position,
      isClosed: r.is_closed,
      current: r.current,
      reached: r.reached,
    })),
  };
}
