import type { AuthContext } from '../../common/auth/auth-context';
import type { Clock } from '../../common/clock/clock';
import { type DateInterval, resolveDateRange } from '../../common/date-range/date-range';
import { InvalidInputError } from '../../common/errors/domain-errors';
import type { OrganizationSettings } from '../organizations/organization-settings';
import type { Catalog, IdentifierCatalog } from '../tracking/identifier-catalog';
import type { ReportFilterDto } from './dto/report-query.dto';
import { type RollupScope, rollupScopeOf } from '../ticket-rollups/rollup-scope';
import type { ReportFilter } from './report-filter.sql';

/** The organization, its resolved period and the non-date part of the ticket filter (dates differ per measure). */
export interface ReportScope {
  org: Readonly<Awaited<ReturnType<OrganizationSettings['of']>>>;
  interval: DateInterval;
  /** The ticket filter, for the caller's organization (filter.organizationId). */
  filter: ReportFilter;
  catalog: Catalog;
  /** The same tickets as rollup cells, when the rollups can answer the filter (no search). */
  rollup: RollupScope | null;
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
  const filter: ReportFilter = {
    organizationId: auth.organizationId,
    stageId: query.stageId,
    origin: query.origin,
    source: query.source,
    hasSales: query.hasSales,
    assigneeId: query.assigneeId,
    q: query.q,
  };
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
    filter.platformId = platform.id;
  }
  const rollup = rollupScopeOf({ ...filter, ...interval }, org.timezone);
  return { org, interval, filter, catalog, rollup };
}
