import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Db } from '../../database/db';
import type { AttributionReportRepository, SpendFilter } from './attribution-report.repository';
import type { AttributionGroup } from './dto/report-query.dto';
import { money } from './report-math';
import type { ReportScope } from './report-scope';

/** Groupings that have spend, and the ad_spend column matching their key (others only get a total). */
const SPEND_KEYS: Partial<Record<AttributionGroup, SpendFilter['keyBy']>> = {
  platform: 'platform',
  utmCampaign: 'campaign',
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
  db: Db,
  repository: AttributionReportRepository,
  scope: ReportScope,
  groupBy: AttributionGroup,
): Promise<AttributionSpend> {
  // ad_spend rows are whole days: the period's instants become local dates, the end staying exclusive.
  const zone = tz(scope.org.timezone);
  const keyBy = SPEND_KEYS[groupBy] ?? null;
  const rows = await repository.spend(db, {
    organizationId: scope.filter.organizationId,
    fromDay: scope.interval.from ? format(scope.interval.from, 'yyyy-MM-dd', { in: zone }) : undefined,
    toDay: scope.interval.to ? format(scope.interval.to, 'yyyy-MM-dd', { in: zone }) : undefined,
    // resolveReportScope already resolved the platform filter to its id.
    platformId: scope.filter.platformId,
    keyBy,
  });
  if (rows.length === 0) return { byKey: keyBy ? new Map() : null, total: null };
  const total = money(rows.reduce((acc, r) => acc + r.spend, 0));
  if (!keyBy) return { byKey: null, total };
  return { byKey: new Map(rows.map((r) => [r.key!, r.spend])), total };
}
