import type { Db } from '../../database/db';
import type { FunnelReportDto } from './dto/report-response.dto';
import type { FunnelReportRepository } from './funnel-report.repository';
import { reportPeriod } from './report-period';
import type { ReportScope } from './report-scope';

/**
 * Per stage, of the tickets created in the period: how many are in it now, and how many ever reached it (created
 * in it, moved to it by a stage_changed event, or in it now). Every stage is listed, in board order.
 */
export async function buildFunnelReport(
  db: Db,
  repository: FunnelReportRepository,
  scope: ReportScope,
): Promise<FunnelReportDto> {
  const { filter, interval } = scope;
  const rows = await repository.stages(db, { filter, period: interval });
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
