import type { DataSource } from 'typeorm';
import type { Clock } from '../../common/clock/clock';
import { TRACKING_JOIN } from '../tickets/ticket-filter.sql';
import type { TimeseriesQueryDto } from './dto/report-query.dto';
import type { TimeseriesReportDto, TimeseriesSeriesDto } from './dto/report-response.dto';
import { type DimensionLabel, loadDimensionLabels } from './dimension-labels';
import { DIMENSIONS, dimensionKey, noneLast } from './report-dimensions';
import { money } from './report-math';
import { periodConditionSql, reportPeriod } from './report-period';
import type { ReportScope } from './report-scope';
import { timeseriesBuckets } from './timeseries-buckets';

/**
 * Tickets (by createdAt) or revenue (sales by soldAt) per local day, week or month, in total and optionally per
 * key of a dimension. Buckets are cut by PostgreSQL in the organization time zone.
 */
export async function buildTimeseriesReport(
  dataSource: DataSource,
  clock: Clock,
  scope: ReportScope,
  query: TimeseriesQueryDto,
): Promise<TimeseriesReportDto> {
  const unit = query.interval ?? 'day';
  const metric = query.metric ?? 'tickets';
  const groupBy = query.groupBy ?? null;
  const { filter, interval, org } = scope;
  const params = filter.params;
  const dimension = groupBy ? DIMENSIONS[groupBy] : null;
  const tracking = filter.needsTracking || dimension?.tracking ? TRACKING_JOIN : '';
  const zone = params.add(org.timezone);
  const trunc = params.add(unit);
  const keySql = dimension ? dimension.sql : 'NULL::text';
  const at = metric === 'tickets' ? 't.created_at' : 's.sold_at';
  const range = periodConditionSql(at, interval, params.add.bind(params));
  const bucketSql = `to_char(date_trunc(${trunc}, ${at} AT TIME ZONE ${zone}), 'YYYY-MM-DD')`;
  const sql =
    metric === 'tickets'
      ? `SELECT ${bucketSql} AS bucket, ${keySql} AS key, count(*) AS value
           FROM tickets t ${tracking} WHERE ${filter.where}${range} GROUP BY 1, 2`
      : `SELECT ${bucketSql} AS bucket, ${keySql} AS key, sum(s.value) AS value
           FROM sales s JOIN tickets t ON t.organization_id = s.organization_id AND t.id = s.ticket_id ${tracking}
           WHERE s.organization_id = $1 AND ${filter.where}${range} GROUP BY 1, 2`;
  const points = await dataSource.query<{ bucket: string; key: string | null; value: string }[]>(sql, params.values);

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
    const value = Number(p.value);
    totals[i] += value;
    if (!groupBy) continue;
    const key = dimensionKey(scope.catalog, groupBy, p.key);
    const values = series.get(key) ?? buckets.map(() => 0);
    values[i] += value;
    series.set(key, values);
  }
  const labels = groupBy
    ? await loadDimensionLabels(dataSource, scope, groupBy, [])
    : new Map<string, DimensionLabel>();
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
