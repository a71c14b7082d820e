import type { AttributionMetricsDto } from './dto/report-response.dto';
import { money, rate, ratio } from './report-math';

/** The counted measures of a row or of the totals; the rates are derived from them by attributionMetrics. */
type CountedMetric = 'tickets' | 'ticketsWithSales' | 'salesCount' | 'revenue' | 'dealValueOpen';

/**
 * Metrics of one attribution row (or of the totals), rates derived from the counts. Spend is null when unknown,
 * and so are cpl and roas then, rather than a division by zero.
 */
export function attributionMetrics(
  tickets: number,
  ticketsWithSales: number,
  salesCount: number,
  revenue: number,
  dealValueOpen: number,
  spend: number | null,
): AttributionMetricsDto {
  const spent = spend === null ? null : money(spend);
  return {
    tickets,
    ticketsWithSales,
    conversionRate: tickets > 0 ? rate(ticketsWithSales / tickets) : null,
    salesCount,
    revenue: money(revenue),
    dealValueOpen: money(dealValueOpen),
    spend: spent,
    cpl: ratio(spent, tickets, 2),
    roas: ratio(revenue, spent, 4),
  };
}

/** Sum of a counted measure over rows (the totals are recomputed from the rows, not read from SQL). */
export function sumMetric(rows: AttributionMetricsDto[], field: CountedMetric): number {
  return rows.reduce((acc, r) => acc + r[field], 0);
}
