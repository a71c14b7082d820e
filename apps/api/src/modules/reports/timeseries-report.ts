import type { Clock } from '../../common/clock/clock';
import type { TimeseriesQueryDto } from './dto/report-query.dto';
import type { TimeseriesReportDto, TimeseriesSeriesDto } from './dto/report-response.dto';
import { type DimensionLabel, type LabelSources, loadDimensionLabels } from './dimension-labels';
import { dimensionKey, noneLast } from './report-dimensions.sql';
import { money } from './report-math';
import { reportPeriod } from './report-period';
import type { ReportScope } from './report-scope';
import type { TimeseriesReportRepository } from './timeseries-report.repository';
import { timeseriesBuckets } from './timeseries-buckets';

/**
 * Tickets (by createdAt) or revenue (sales by soldAt) per local day, week or month, in total and optionally per
 * key of a dimension. Buckets are cut by PostgreSQL in the organization time zone.
 */
export async function buildTimeseriesReport(
  sources: LabelSources & { timeseries: TimeseriesReportRepository },
  clock: Clock,
  scope: ReportScope,
  query: TimeseriesQueryDto,
): Promise<TimeseriesReportDto> {
  const unit = query.interval ?? 'day';
  const metric = query.metric ?? 'tickets';
  const groupBy = query.groupBy ?? null;
  const { filter, interval, org, rollup } = scope;
  const points = rollup
    ? await sources.rollups.points(sources.db, { scope: rollup, unit, metric, groupBy })
    : await sources.timeseries.points(sources.db, {
        ...{ filter, period: interval, unit, metric, groupBy },
        timezone: org.timezone,
      });

  const buckets = timeseriesBuckets(
    interval,
    org.timezone,
    unit,
    points.map((p) => p.bucket),
    clock,
  );
  const index = new Map(buckets.map((b, i) => [b, i]));
  const totals = buckets.map(() => 0);
  const series = new Map<string, number[]>();
  for (const p of points) {
    const i = index.get(p.bucket);
    if (i === undefined) continue;
    const value = p.value;
    totals[i] += value;
    if (!groupBy) continue;
    const key = dimensionKey(scope.catalog, groupBy, p.key);
    const values = series.get(key) ?? buckets.map(() => 0);
    values[i] += value;
    series.set(key, values);
  }
  const labels = groupBy ? await loadDimensionLabels(sources, scope, groupBy, []) : new Map<string, DimensionLabel>();
  const seriesList: TimeseriesSeriesDto[] = [...series].map(([key, values]) => ({
    key,
    label: labels.get(key)?.label ?? key,
    values: values.map(money),
    total: money(values.reduce((a, b) => a + b, 0)),
  }));
  seriesList.sort((a, b) => noneLast(a.key, b.key) || b.total - a.total || a.key.localeCompare(b.key));
  return {
    interval: unit,
    metric,
    groupBy,
    period: reportPeriod(interval),
    timezone: org.timezone,
    currency: org.currency,
    buckets,
    totals: totals.map(money),
    series: seriesList,
  };
}
