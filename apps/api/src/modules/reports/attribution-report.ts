import type { DataSource } from 'typeorm';
import { TRACKING_JOIN } from '../tickets/ticket-filter.sql';
import type { AttributionGroup, AttributionQueryDto } from './dto/report-query.dto';
import type { AttributionReportDto, AttributionRowDto } from './dto/report-response.dto';
import { attributionMetrics, sumMetric } from './attribution-metrics';
import { loadAttributionSpend } from './attribution-spend';
import { type DimensionLabel, loadDimensionLabels } from './dimension-labels';
import { DIMENSIONS, dimensionKey, noneLast, platformKey } from './report-dimensions';
import { periodConditionSql, reportPeriod } from './report-period';
import type { ReportScope } from './report-scope';

/** One group of the attribution statement; PostgreSQL returns sums and counts as text. */
interface GroupRow {
  key: string | null;
  tickets: string;
  tickets_with_sales: string;
  deal_value_open: string;
  sales_count: string;
  revenue: string;
}

/**
 * Tickets created in the period and sales sold in it, grouped by the ticket's dimension, with the ad spend of the
 * period. Keys that only have spend (a campaign without tickets) are listed too.
 */
export async function buildAttributionReport(
  dataSource: DataSource,
  scope: ReportScope,
  query: AttributionQueryDto,
): Promise<AttributionReportDto> {
  const groupBy = query.groupBy ?? 'platform';
  const dimension = DIMENSIONS[groupBy];
  const { filter, interval } = scope;
  const params = filter.params;
  const tracking = filter.needsTracking || dimension.tracking ? TRACKING_JOIN : '';
  const created = periodConditionSql('t.created_at', interval, params.add.bind(params));
  const sold = periodConditionSql('s.sold_at', interval, params.add.bind(params));
  // One statement: tickets created in the period and sales sold in it, each grouped by the ticket's dimension.
  const groups = await dataSource.query<GroupRow[]>(
    `SELECT key, sum(tickets) AS tickets, sum(tickets_with_sales) AS tickets_with_sales,
              sum(deal_value_open) AS deal_value_open, sum(sales_count) AS sales_count, sum(revenue) AS revenue
       FROM (
         SELECT ${dimension.sql} AS key, count(*) AS tickets,
                count(*) FILTER (WHERE t.sales_count > 0) AS tickets_with_sales,
                COALESCE(sum(t.deal_value) FILTER (WHERE t.status = 'open'), 0) AS deal_value_open,
                0 AS sales_count, 0 AS revenue
         FROM tickets t ${tracking}
         WHERE ${filter.where}${created}
         GROUP BY 1
         UNION ALL
         SELECT ${dimension.sql} AS key, 0, 0, 0, count(*), sum(s.value)
         FROM sales s
         JOIN tickets t ON t.organization_id = s.organization_id AND t.id = s.ticket_id
         ${tracking}
         WHERE s.organization_id = $1 AND ${filter.where}${sold}
         GROUP BY 1
       ) g
       GROUP BY key`,
    params.values,
  );
  const spend = await loadAttributionSpend(dataSource, scope, query, groupBy);
  const labels = await loadDimensionLabels(dataSource, scope, groupBy, groups);

  const byKey = new Map<string, AttributionRowDto>();
  for (const g of groups) {
    const key = dimensionKey(scope.catalog, groupBy, g.key);
    byKey.set(key, {
      key,
      label: labels.get(key)?.label ?? key,
      ...attributionMetrics(
        Number(g.tickets),
        Number(g.tickets_with_sales),
        Number(g.sales_count),
        Number(g.revenue),
        Number(g.deal_value_open),
        null,
      ),
    });
  }
  if (spend.byKey) {
    // Spend joins the rows by key after the fact: ad_spend has no tickets, and a key may only have spend.
    for (const [rawKey, amount] of spend.byKey) {
      const key = groupBy === 'platform' ? platformKey(scope.catalog, rawKey) : rawKey;
      const row = byKey.get(key) ?? {
        key,
        label: labels.get(key)?.label ?? key,
        ...attributionMetrics(0, 0, 0, 0, 0, null),
      };
      byKey.set(key, {
        ...row,
        ...attributionMetrics(
          row.tickets,
          row.ticketsWithSales,
          row.salesCount,
          row.revenue,
          row.dealValueOpen,
          amount,
        ),
      });
    }
  }
  const rows = sortRows([...byKey.values()], groupBy, labels);
  const totals = attributionMetrics(
    sumMetric(rows, 'tickets'),
    sumMetric(rows, 'ticketsWithSales'),
    sumMetric(rows, 'salesCount'),
    sumMetric(rows, 'revenue'),
    sumMetric(rows, 'dealValueOpen'),
    spend.total,
  );
  return {
    groupBy,
    period: reportPeriod(interval),
    timezone: scope.org.timezone,
    currency: scope.org.currency,
    rows,
    totals,
  };
}

/** Stages in board order; anything else by tickets, then revenue, then name, with "(none)" last. */
function sortRows(
  rows: AttributionRowDto[],
  groupBy: AttributionGroup,
  labels: Map<string, DimensionLabel>,
): AttributionRowDto[] {
  const order = (key: string) => labels.get(key)?.order ?? Number.MAX_SAFE_INTEGER;
  return rows.sort((a, b) => {
    if (groupBy === 'stage') return order(a.key) - order(b.key) || a.label.localeCompare(b.label);
    return (
      noneLast(a.key, b.key) ||
      b.tickets - a.tickets ||
      b.revenue - a.revenue ||
      (b.spend ?? 0) - (a.spend ?? 0) ||
      a.label.localeCompare(b.label) ||
      a.key.localeCompare(b.key)
    );
  });
}
