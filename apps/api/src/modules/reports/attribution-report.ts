import type { AttributionGroup, AttributionQueryDto } from './dto/report-query.dto';
import type { AttributionReportDto, AttributionRowDto } from './dto/report-response.dto';
import { attributionMetrics, sumMetric } from './attribution-metrics';
import { loadAttributionSpend } from './attribution-spend';
import { type DimensionLabel, type LabelSources, loadDimensionLabels } from './dimension-labels';
import { dimensionKey, noneLast, platformKey } from './report-dimensions.sql';
import { reportPeriod } from './report-period';
import type { ReportScope } from './report-scope';
import { isCellGroup } from '../ticket-rollups/ticket-rollups.sql';

/**
 * Tickets created in the period and sales sold in it, grouped by the ticket's dimension, with the ad spend of the
 * period. Keys that only have spend (a campaign without tickets) are listed too.
 */
export async function buildAttributionReport(
  sources: LabelSources,
  scope: ReportScope,
  query: AttributionQueryDto,
): Promise<AttributionReportDto> {
  const groupBy = query.groupBy ?? 'platform';
  const { db, attribution, rollups } = sources;
  const { filter, interval, rollup } = scope;
  const groups =
    rollup && isCellGroup(groupBy)
      ? await rollups.groups(db, { scope: rollup, groupBy })
      : await attribution.groups(db, { filter, period: interval, groupBy });
  const spend = await loadAttributionSpend(db, attribution, scope, groupBy);
  const labels = await loadDimensionLabels(sources, scope, groupBy, groups);

  const byKey = new Map<string, AttributionRowDto>();
  for (const g of groups) {
    const key = dimensionKey(scope.catalog, groupBy, g.key);
    byKey.set(key, {
      key,
      label: labels.get(key)?.label ?? key,
      ...attributionMetrics(g.tickets, g.tickets_with_sales, g.sales_count, g.revenue, g.deal_value_open, null),
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
