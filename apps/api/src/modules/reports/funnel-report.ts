import type { DataSource } from 'typeorm';
import { TRACKING_JOIN } from '../tickets/ticket-filter.sql';
import type { FunnelReportDto } from './dto/report-response.dto';
import { periodConditionSql, reportPeriod } from './report-period';
import type { ReportScope } from './report-scope';

/** One stage of the funnel statement; PostgreSQL returns counts as text. */
interface FunnelStageRow {
  id: string;
  name: string;
  color: string;
  position: number;
  is_closed: boolean;
  current: string;
  reached: string;
  total: string;
}

/**
 * Per stage, of the tickets created in the period: how many are in it now, and how many ever reached it (created
 * in it, moved to it by a stage_changed event, or in it now). Every stage is listed, in board order.
 */
export async function buildFunnelReport(dataSource: DataSource, scope: ReportScope): Promise<FunnelReportDto> {
  const { filter, interval } = scope;
  const params = filter.params;
  const created = periodConditionSql('t.created_at', interval, params.add.bind(params));
  const rows = await dataSource.query<FunnelStageRow[]>(
    `WITH ft AS (
         SELECT t.id, t.stage_id FROM tickets t ${filter.needsTracking ? TRACKING_JOIN : ''}
         WHERE ${filter.where}${created}
       ),
       visits AS (
         SELECT ft.id AS ticket_id, ft.stage_id::text AS stage_id FROM ft
         UNION
         SELECT e.ticket_id, e.after->>'stageId' FROM ticket_events e JOIN ft ON ft.id = e.ticket_id
         WHERE e.organization_id = $1 AND e.type IN ('created', 'stage_changed') AND e.after->>'stageId' IS NOT NULL
       )
       SELECT s.id, s.name, s.color, s.position, s.is_closed,
              COALESCE(c.current, 0) AS current, COALESCE(r.reached, 0) AS reached,
              (SELECT count(*) FROM ft) AS total
       FROM ticket_stages s
       LEFT JOIN (SELECT stage_id, count(*) AS current FROM ft GROUP BY stage_id) c ON c.stage_id = s.id
       LEFT JOIN (SELECT stage_id, count(*) AS reached FROM visits GROUP BY stage_id) r ON r.stage_id = s.id::text
       WHERE s.organization_id = $1
       ORDER BY s.position ASC, s.created_at ASC`,
    params.values,
  );
  return {
    period: reportPeriod(interval),
    timezone: scope.org.timezone,
    // The count of filtered tickets is repeated on every stage row; an organization without stages gets no row.
    total: rows.length > 0 ? Number(rows[0].total) : 0,
    stages: rows.map((r) => ({
      stageId: r.id,
      name: r.name,
      color: r.color,
      order: r.position,
      isClosed: r.is_closed,
      current: Number(r.current),
      reached: Number(r.reached),
    })),
  };
}
