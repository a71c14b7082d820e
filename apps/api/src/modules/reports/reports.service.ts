import { tz } from '@date-fns/tz';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { format } from 'date-fns';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { OrgReadCache } from '../../common/cache/org-read-cache';
import { Clock } from '../../common/clock/clock';
import { type DateInterval, resolveDateRange } from '../../common/date-range/date-range';
import { InvalidInputError } from '../../common/errors/domain-errors';
import type { Organization } from '../organizations/entities/organization.entity';
import { OrganizationSettings } from '../organizations/organization-settings';
import { TicketStage } from '../stages/entities/ticket-stage.entity';
import type { TicketFilterDto } from '../tickets/dto/ticket-query.dto';
import { buildTicketFilter, type TicketFilterSql, TRACKING_JOIN } from '../tickets/ticket-filter.sql';
import { type Catalog, IdentifierCatalog } from '../tracking/identifier-catalog';
import type {
  AttributionGroup,
  AttributionQueryDto,
  ReportFilterDto,
  TimeseriesQueryDto,
} from './dto/report-query.dto';
import type {
  AttributionMetricsDto,
  AttributionReportDto,
  AttributionRowDto,
  FunnelReportDto,
  ReportPeriodDto,
  TimeseriesReportDto,
  TimeseriesSeriesDto,
} from './dto/report-response.dto';
import { addCalendar, money, rate, ratio, truncateDay } from './report-math';

/** Key of the group of tickets without a value for the dimension (no tracking, no campaign, unassigned...). */
export const NONE_KEY = '(none)';
const MAX_BUCKETS = 3700;

/** SQL of each dimension over `t` (tickets) and `tr` (ticket_trackings), as text or NULL. */
const DIMENSIONS: Record<AttributionGroup, { sql: string; tracking: boolean }> = {
  platform: { sql: 'tr.ad_platform_id::text', tracking: true },
  sourceType: { sql: 't.source_type::text', tracking: false },
  utmSource: { sql: 'tr.utm_source::text', tracking: true },
  utmMedium: { sql: 'tr.utm_medium::text', tracking: true },
  utmCampaign: { sql: 'tr.utm_campaign::text', tracking: true },
  adId: { sql: 'tr.ad_id::text', tracking: true },
  stage: { sql: 't.stage_id::text', tracking: false },
  assignee: { sql: 't.assignee_id::text', tracking: false },
};

/** Groupings that have spend, and the ad_spend column matching their key (others only get a total). */
const SPEND_KEYS: Partial<Record<AttributionGroup, string>> = {
  platform: 'a.ad_platform_id::text',
  utmCampaign: 'a.campaign',
};

/** The organization, its resolved period and the non-date part of the ticket filter (dates differ per measure). */
interface ReportScope {
  org: Readonly<Organization>;
  interval: DateInterval;
  filter: TicketFilterSql;
  catalog: Catalog;
}

interface GroupRow {
  key: string | null;
  tickets: string;
  tickets_with_sales: string;
  deal_value_open: string;
  sales_count: string;
  revenue: string;
}

interface Label {
  label: string;
  order?: number;
}

/**
 * Attribution, time series and funnel reports. They take the very filters of GET /tickets (buildTicketFilter),
 * with presets resolved in the organization time zone. Tickets count in the period of their creation; sales (and
 * revenue) in the period of their soldAt, grouped by their ticket's attributes.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly identifiers: IdentifierCatalog,
    private readonly cache: OrgReadCache,
    private readonly organizations: OrganizationSettings,
  ) {}

  attribution(auth: AuthContext, query: AttributionQueryDto): Promise<AttributionReportDto> {
    return this.cached(auth, 'attribution', query, () => this.computeAttribution(auth, query));
  }

  timeseries(auth: AuthContext, query: TimeseriesQueryDto): Promise<TimeseriesReportDto> {
    return this.cached(auth, 'timeseries', query, () => this.computeTimeseries(auth, query));
  }

  funnel(auth: AuthContext, query: ReportFilterDto): Promise<FunnelReportDto> {
    return this.cached(auth, 'funnel', query, () => this.computeFunnel(auth, query));
  }

  /**
   * Reports scan every ticket and sale of the period, so a result is reused until the organization's next write
   * (OrgReadCache). The key holds the resolved period, so "today" moves on at midnight in the time zone.
   */
  private async cached<T>(auth: AuthContext, name: string, query: ReportFilterDto, compute: () => Promise<T>) {
    const org = await this.organizations.of(auth.organizationId);
    const interval = resolveDateRange(query, org.timezone, this.clock.now());
    const key = `reports.${name} ${JSON.stringify(query)} ${JSON.stringify(interval)}`;
    return this.cache.get<T>(auth.organizationId, key, compute);
  }

  private async computeAttribution(auth: AuthContext, query: AttributionQueryDto): Promise<AttributionReportDto> {
    const groupBy = query.groupBy ?? 'platform';
    const scope = await this.scope(auth, query);
    const dimension = DIMENSIONS[groupBy];
    const { filter, interval } = scope;
    const params = filter.params;
    const tracking = filter.needsTracking || dimension.tracking ? TRACKING_JOIN : '';
    const created = rangeSql('t.created_at', interval, params.add.bind(params));
    const sold = rangeSql('s.sold_at', interval, params.add.bind(params));
    // One statement: tickets created in the period and sales sold in it, each grouped by the ticket's dimension.
    const groups = await this.dataSource.query<GroupRow[]>(
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
    const spend = await this.spend(scope, query, groupBy);
    const labels = await this.labels(auth, scope.catalog, groupBy, groups);

    const byKey = new Map<string, AttributionRowDto>();
    for (const g of groups) {
      const key = g.key === null ? NONE_KEY : groupBy === 'platform' ? platformKey(scope.catalog, g.key) : g.key;
      byKey.set(key, {
        key,
        label: labels.get(key)?.label ?? key,
        ...metrics(
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
      for (const [rawKey, amount] of spend.byKey) {
        const key = groupBy === 'platform' ? platformKey(scope.catalog, rawKey) : rawKey;
        const row = byKey.get(key) ?? { key, label: labels.get(key)?.label ?? key, ...metrics(0, 0, 0, 0, 0, null) };
        byKey.set(key, {
          ...row,
          ...metrics(row.tickets, row.ticketsWithSales, row.salesCount, row.revenue, row.dealValueOpen, amount),
        });
      }
    }
    const rows = sortRows([...byKey.values()], groupBy, labels);
    const totals = metrics(
      sum(rows, 'tickets'),
      sum(rows, 'ticketsWithSales'),
      sum(rows, 'salesCount'),
      sum(rows, 'revenue'),
      sum(rows, 'dealValueOpen'),
      spend.total,
    );
    return {
      groupBy,
      period: period(interval),
      timezone: scope.org.timezone,
      currency: scope.org.currency,
      rows,
      totals,
    };
  }

  private async computeTimeseries(auth: AuthContext, query: TimeseriesQueryDto): Promise<TimeseriesReportDto> {
    const unit = query.interval ?? 'day';
    const metric = query.metric ?? 'tickets';
    const groupBy = query.groupBy ?? null;
    const scope = await this.scope(auth, query);
    const { filter, interval, org } = scope;
    const params = filter.params;
    const dimension = groupBy ? DIMENSIONS[groupBy] : null;
    const tracking = filter.needsTracking || dimension?.tracking ? TRACKING_JOIN : '';
    const zone = params.add(org.timezone);
    const trunc = params.add(unit);
    const keySql = dimension ? dimension.sql : 'NULL::text';
    const at = metric === 'tickets' ? 't.created_at' : 's.sold_at';
    const range = rangeSql(at, interval, params.add.bind(params));
    const bucketSql = `to_char(date_trunc(${trunc}, ${at} AT TIME ZONE ${zone}), 'YYYY-MM-DD')`;
    const sql =
      metric === 'tickets'
        ? `SELECT ${bucketSql} AS bucket, ${keySql} AS key, count(*) AS value
           FROM tickets t ${tracking} WHERE ${filter.where}${range} GROUP BY 1, 2`
        : `SELECT ${bucketSql} AS bucket, ${keySql} AS key, sum(s.value) AS value
           FROM sales s JOIN tickets t ON t.organization_id = s.organization_id AND t.id = s.ticket_id ${tracking}
           WHERE s.organization_id = $1 AND ${filter.where}${range} GROUP BY 1, 2`;
    const points = await this.dataSource.query<{ bucket: string; key: string | null; value: string }[]>(
      sql,
      params.values,
    );

    const buckets = this.buckets(
      interval,
      org.timezone,
      unit,
      points.map((p) => p.bucket),
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
      const key = p.key === null ? NONE_KEY : groupBy === 'platform' ? platformKey(scope.catalog, p.key) : p.key;
      const values = series.get(key) ?? buckets.map(() => 0);
      values[i] += value;
      series.set(key, values);
    }
    const labels = groupBy ? await this.labels(auth, scope.catalog, groupBy, []) : new Map<string, Label>();
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
      period: period(interval),
      timezone: org.timezone,
      currency: org.currency,
      buckets,
      totals: totals.map(money),
      series: seriesList,
    };
  }

  private async computeFunnel(auth: AuthContext, query: ReportFilterDto): Promise<FunnelReportDto> {
    const scope = await this.scope(auth, query);
    const { filter, interval } = scope;
    const params = filter.params;
    const created = rangeSql('t.created_at', interval, params.add.bind(params));
    const rows = await this.dataSource.query<
      {
        id: string;
        name: string;
        color: string;
        position: number;
        is_closed: boolean;
        current: string;
        reached: string;
        total: string;
      }[]
    >(
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
      period: period(interval),
      timezone: scope.org.timezone,
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

  /** The organization, its period, and the ticket filter without dates (each measure adds its own date column). */
  private async scope(auth: AuthContext, query: ReportFilterDto): Promise<ReportScope> {
    const org = await this.organizations.of(auth.organizationId);
    const interval = resolveDateRange(query, org.timezone, this.clock.now());
    // page and pageSize are not read by the filter builder; reports have none.
    const filter = buildTicketFilter(auth.organizationId, query as TicketFilterDto, {});
    let catalog = await this.identifiers.get();
    if (query.platform !== undefined) {
      const key = query.platform.toLowerCase();
      if (!catalog.platformsByKey.has(key)) catalog = await this.identifiers.get(undefined, true);
      const platform = catalog.platformsByKey.get(key);
      if (!platform) {
        throw InvalidInputError.field(
          'platform',
          `platform must be one of ${[...catalog.platformsByKey.keys()].join(', ')}`,
        );
      }
      filter.where += ` AND tr.ad_platform_id = ${filter.params.add(platform.id)}`;
      filter.needsTracking = true;
    }
    return { org, interval, filter, catalog };
  }

  /**
   * Ad spend of the period (calendar days in the organization time zone), by platform or campaign for those
   * groupings, and in total. A platform filter restricts it; campaigns are summed across platforms otherwise.
   */
  private async spend(
    scope: ReportScope,
    query: ReportFilterDto,
    groupBy: AttributionGroup,
  ): Promise<{ byKey: Map<string, number> | null; total: number | null }> {
    const values: unknown[] = [scope.org.id];
    const conditions = ['a.organization_id = $1'];
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
      values.push(scope.catalog.platformsByKey.get(query.platform.toLowerCase())!.id);
      conditions.push(`a.ad_platform_id = $${values.length}`);
    }
    const keySql = SPEND_KEYS[groupBy];
    const rows = await this.dataSource.query<{ key: string | null; spend: string }[]>(
      `SELECT ${keySql ?? 'NULL::text'} AS key, sum(a.spend) AS spend
       FROM ad_spend a WHERE ${conditions.join(' AND ')} GROUP BY 1`,
      values,
    );
    if (rows.length === 0) return { byKey: keySql ? new Map() : null, total: null };
    const total = money(rows.reduce((acc, r) => acc + Number(r.spend), 0));
    if (!keySql) return { byKey: null, total };
    return { byKey: new Map(rows.map((r) => [r.key!, Number(r.spend)])), total };
  }

  /** Display names and order of the keys of a grouping. */
  private async labels(
    auth: AuthContext,
    catalog: Catalog,
    groupBy: AttributionGroup,
    groups: { key: string | null }[],
  ): Promise<Map<string, Label>> {
    const labels = new Map<string, Label>([[NONE_KEY, { label: NONE_KEY }]]);
    if (groupBy === 'platform') {
      for (const p of catalog.platformsByKey.values()) labels.set(p.key, { label: p.name });
    } else if (groupBy === 'stage') {
      const stages = await this.dataSource.manager.find(TicketStage, {
        where: { organizationId: auth.organizationId },
        order: { position: 'ASC', createdAt: 'ASC' },
      });
      stages.forEach((s, order) => labels.set(s.id, { label: s.name, order }));
    } else if (groupBy === 'assignee') {
      const ids = groups.map((g) => g.key).filter((k): k is string => k !== null);
      if (ids.length > 0) {
        const users = await this.dataSource.query<{ id: string; name: string }[]>(
          'SELECT id, name FROM users WHERE organization_id = $1 AND id = ANY($2::uuid[])',
          [auth.organizationId, ids],
        );
        for (const u of users) labels.set(u.id, { label: u.name });
      }
    }
    return labels;
  }

  /** Every bucket from the start of the period (or the first data point) to its end (or now), gaps included. */
  private buckets(interval: DateInterval, timeZone: string, unit: 'day' | 'week' | 'month', seen: string[]): string[] {
    const zone = tz(timeZone);
    const localDay = (d: Date) => format(d, 'yyyy-MM-dd', { in: zone });
    const sorted = [...seen].sort();
    const first = interval.from ? truncateDay(localDay(interval.from), unit) : sorted[0];
    if (!first) return [];
    let last = interval.to
      ? truncateDay(localDay(new Date(interval.to.getTime() - 1)), unit)
      : truncateDay(localDay(this.clock.now()), unit);
    if (!interval.to && sorted.length > 0 && sorted[sorted.length - 1] > last) last = sorted[sorted.length - 1];
    const buckets: string[] = [];
    for (let b = first; b <= last; b = addCalendar(b, unit, 1)) {
      buckets.push(b);
      if (buckets.length > MAX_BUCKETS) {
        throw InvalidInputError.field(
          'interval',
          `the period has more than ${MAX_BUCKETS} ${unit}s: choose a longer interval or a shorter period`,
        );
      }
    }
    return buckets;
  }
}

function rangeSql(column: string, interval: DateInterval, add: (value: unknown) => string): string {
  let sql = '';
  if (interval.from) sql += ` AND ${column} >= ${add(interval.from)}`;
  if (interval.to) sql += ` AND ${column} < ${add(interval.to)}`;
  return sql;
}

function metrics(
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

function sum(
  rows: AttributionMetricsDto[],
  field: 'tickets' | 'ticketsWithSales' | 'salesCount' | 'revenue' | 'dealValueOpen',
): number {
  return rows.reduce((acc, r) => acc + r[field], 0);
}

function noneLast(a: string, b: string): number {
  return Number(a === NONE_KEY) - Number(b === NONE_KEY);
}

/** Stages in board order; anything else by tickets, then revenue, then name, with "(none)" last. */
function sortRows(
  rows: AttributionRowDto[],
  groupBy: AttributionGroup,
  labels: Map<string, Label>,
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

function platformKey(catalog: Catalog, id: string): string {
  return catalog.platformsById.get(id)?.key ?? id;
}

function period(interval: DateInterval): ReportPeriodDto {
  return { from: interval.from ?? null, to: interval.to ?? null };
}
