import type { AuthContext } from '../../common/auth/auth-context';
import type { Clock } from '../../common/clock/clock';
import { type DateInterval, resolveDateRange } from '../../common/date-range/date-range';
import { InvalidInputError } from '../../common/errors/domain-errors';
import type { Organization } from '../organizations/entities/organization.entity';
import type { OrganizationSettings } from '../organizations/organization-settings';
import type { TicketFilterDto } from '../tickets/dto/ticket-query.dto';
import { buildTicketFilter, type TicketFilterSql } from '../tickets/ticket-filter.sql';
import type { Catalog, IdentifierCatalog } from '../tracking/identifier-catalog';
import type { ReportFilterDto } from './dto/report-query.dto';

/** The organization, its resolved period and the non-date part of the ticket filter (dates differ per measure). */
export interface ReportScope {
  /** The caller's organization, as given to the ticket filter (its $1). */
  organizationId: string;
  org: Readonly<Organization>;
  interval: DateInterval;
  filter: TicketFilterSql;
  catalog: Catalog;
}

/** The services a scope is read from (injected into ReportsService). */
export interface ReportScopeSources {
  organizations: OrganizationSettings;
  clock: Clock;
  identifiers: IdentifierCatalog;
}

/** The organization, its period, and the ticket filter without dates (each measure adds its own date column). */
export async function resolveReportScope(
  sources: ReportScopeSources,
  auth: AuthContext,
  query: ReportFilterDto,
): Promise<ReportScope> {
  const org = await sources.organizations.of(auth.organizationId);
  const interval = resolveDateRange(query, org.timezone, sources.clock.now());
  // page and pageSize are not read by the filter builder; reports have none.
  const filter = buildTicketFilter(auth.organizationId, query as TicketFilterDto, {});
  let catalog = await sources.identifiers.get();
  if (query.platform !== undefined) {
    const key = query.platform.toLowerCase();
    // A platform added since the catalog was cached must not be rejected: reload once before failing.
    if (!catalog.platformsByKey.has(key)) catalog = await sources.identifiers.get(undefined, true);
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
  return { organizationId: auth.organizationId, org, interval, filter, catalog };
}
