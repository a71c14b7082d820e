import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import type { DataSource } from 'typeorm';
import type { AttributionGroup, ReportFilterDto } from './dto/report-query.dto';
import { money } from './report-math';
import type { ReportScope } from './report-scope';

/** Groupings that have spend, and the ad_spend column matching their key (others only get a total). */
const SPEND_KEYS: Partial<Record<AttributionGroup, string>> = {
  platform: 'a.ad_platform_id::text',
  utmCampaign: 'a.campaign',
};

/** Spend per raw key (null for groupings without spend keys) and in total (null when none was imported). */
export interface AttributionSpend {
  byKey: Map<string, number> | null;
  total: number | null;
}

/**
 * Ad spend of the period (calendar days in the organization time zone), by platform or campaign for those
 * groupings, and in total. A platform filter restricts it; campaigns are summed across platforms otherwise.
 */
export async function loadAttributionSpend(
  dataSource: DataSource,
  scope: ReportScope,
  query: ReportFilterDto,
  groupBy: AttributionGroup,
): Promise<AttributionSpend> {
  const values: unknown[] = [scope.org.id];
  const conditions = ['a.organization_id = $1'];
  // ad_spend rows are whole days: the period's instants become local dates, the end staying exclusive.
  const zone = tz(scope.org.timezone);
  if (scope.interval.from) {
    values.push(format(scope.interval.from, 'yyyy-MM-dd', { in: zone }));
    conditions.push(`a.date >= $${values.length}::date`);
  }
  if (scope.interval.to) {
    values.push(format(scope.interval.to, 'yyyy-MM-dd', { in: zone }));
    conditions.push(`a.date < $${values.length}::date`);
  }
  if (query.platform !== undefined) {
    // resolveReportScope already rejected unknown platforms, so the catalog has this one.
    values.push(scope.catalog.platformsByKey.get(query.platform.toLowerCase())!.id);
    conditions.push(`a.ad_platform_id = $${values.length}`);
  }
  const keySql = SPEND_KEYS[groupBy];
  const rows = await dataSource.query<{ key: string | null; spend: string }[]>(
    `SELECT ${keySql ?? 'NULL::text'} AS key, sum(a.spend) AS spend
       FROM ad_spend a WHERE ${conditions.join(' AND ')} GROUP BY 1`,
    values,
  );
  if (rows.length === 0) return { byKey: keySql ? new Map() : null, total: null };
  const total = money(rows.reduce((acc, r) => acc + Number(r.spend), 0));
  if (!keySql) return { byKey: null, total };
  return { byKey: new Map(rows.map((r) => [r.key!, Number(r.spend)])), total };
}
