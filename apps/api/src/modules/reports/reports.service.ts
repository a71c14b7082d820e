import { UsersRepository } from '../users/users.repository';
import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { OrgReadCache } from '../../common/cache/org-read-cache';
import { Clock } from '../../common/clock/clock';
import { resolveDateRange } from '../../common/date-range/date-range';
import { Db } from '../../database/db';
import { OrganizationSettings } from '../organizations/organization-settings';
import { TicketStagesRepository } from '../stages/ticket-stages.repository';
import { TicketReachRepository } from '../ticket-rollups/ticket-reach.repository';
import { TicketRollupsRepository } from '../ticket-rollups/ticket-rollups.repository';
import { IdentifierCatalog } from '../tracking/identifier-catalog';
import { buildAttributionReport } from './attribution-report';
import { AttributionReportRepository } from './attribution-report.repository';
import type { AttributionQueryDto, ReportFilterDto, TimeseriesQueryDto } from './dto/report-query.dto';
import type { AttributionReportDto, FunnelReportDto, TimeseriesReportDto } from './dto/report-response.dto';
import { buildFunnelReport } from './funnel-report';
import { FunnelReportRepository } from './funnel-report.repository';
import { type ReportScope, resolveReportScope } from './report-scope';
import { buildTimeseriesReport } from './timeseries-report';
import type { SupportQueryDto, SupportReportDto } from './dto/support-report.dto';
import { buildSupportReport } from './support-report';
import { SupportReportRepository } from './support-report.repository';
import { TimeseriesReportRepository } from './timeseries-report.repository';

/**
 * Attribution, time series and funnel reports. They take the very filters of GET /tickets (report-filter.sql.ts),
 * with presets resolved in the organization time zone. Tickets count in the period of their creation; sales (and
 * revenue) in the period of their soldAt, grouped by their ticket's attributes.
 *
 * This class caches and resolves the scope; each report's statements and assembly live in its own file.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly db: Db,
    private readonly attributionRows: AttributionReportRepository,
    private readonly timeseriesRows: TimeseriesReportRepository,
    private readonly funnelRows: FunnelReportRepository,
    private readonly stages: TicketStagesRepository,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
    private readonly identifiers: IdentifierCatalog,
    private readonly cache: OrgReadCache,
    private readonly organizations: OrganizationSettings,
    private readonly rollups: TicketRollupsRepository,
    private readonly reach: TicketReachRepository,
    private readonly supportRows: SupportReportRepository,
  ) {}

  attribution(auth: AuthContext, query: AttributionQueryDto): Promise<AttributionReportDto> {
    return this.cached(auth, 'attribution', query, async () =>
      buildAttributionReport(this.labelSources(), await this.scope(auth, query), query),
    );
  }

  timeseries(auth: AuthContext, query: TimeseriesQueryDto): Promise<TimeseriesReportDto> {
    return this.cached(auth, 'timeseries', query, async () =>
      buildTimeseriesReport(
        { ...this.labelSources(), timeseries: this.timeseriesRows },
        this.clock,
        await this.scope(auth, query),
        query,
      ),
    );
  }

  funnel(auth: AuthContext, query: ReportFilterDto): Promise<FunnelReportDto> {
    return this.cached(auth, 'funnel', query, async () =>
      buildFunnelReport({ db: this.db, funnel: this.funnelRows, reach: this.reach }, await this.scope(auth, query)),
    );
  }

  support(auth: AuthContext, query: SupportQueryDto): Promise<SupportReportDto> {
    return this.cached(auth, 'support', query, async () =>
      buildSupportReport(
        { db: this.db, support: this.supportRows },
        await this.scope(auth, query),
        query.groupBy ?? 'agent',
        this.clock.now(),
      ),
    );
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

  private labelSources() {
    return {
      ...{ db: this.db, stages: this.stages, attribution: this.attributionRows, users: this.users },
      rollups: this.rollups,
    };
  }

  /** Called from inside compute, so a cache hit skips the catalog read and the filter build. */
  private scope(auth: AuthContext, query: ReportFilterDto): Promise<ReportScope> {
    return resolveReportScope(
      { organizations: this.organizations, clock: this.clock, identifiers: this.identifiers },
      auth,
      query,
    );
  }
}
