import type { Db } from '../../database/db';
import type { TicketStagesRepository } from '../stages/ticket-stages.repository';
import type { TicketRollupsRepository } from '../ticket-rollups/ticket-rollups.repository';
import type { UsersRepository } from '../users/users.repository';
import type { AttributionReportRepository } from './attribution-report.repository';
import type { AttributionGroup } from './dto/report-query.dto';
import { NONE_KEY } from './report-dimensions.sql';
import type { ReportScope } from './report-scope';

/** Display name of a key, and its position where the grouping has a natural order (stages on the board). */
export interface DimensionLabel {
  label: string;
  order?: number;
}

/** Where labels are read from. */
export interface LabelSources {
  db: Db;
  stages: TicketStagesRepository;
  attribution: AttributionReportRepository;
  rollups: TicketRollupsRepository;
  users: UsersRepository;
}

/**
 * Display names and order of the keys of a grouping. Keys without a label (UTM values, ad ids...) are shown as
 * they are. Assignees are looked up only among `groups`, the keys present, rather than every user.
 */
export async function loadDimensionLabels(
  sources: LabelSources,
  scope: ReportScope,
  groupBy: AttributionGroup,
  groups: { key: string | null }[],
): Promise<Map<string, DimensionLabel>> {
  const { organizationId } = scope.filter;
  const labels = new Map<string, DimensionLabel>([[NONE_KEY, { label: NONE_KEY }]]);
  if (groupBy === 'platform') {
    for (const p of scope.catalog.platformsByKey.values()) labels.set(p.key, { label: p.name });
  } else if (groupBy === 'stage') {
    const stages = await sources.stages.list(sources.db, { organizationId });
    stages.forEach((s, order) => labels.set(s.id, { label: s.name, order }));
  } else if (groupBy === 'assignee') {
    const ids = groups.map((g) => g.key).filter((k): k is string => k !== null);
    if (ids.length > 0) {
      const users = await sources.users.namesByIds(sources.db, { organizationId, ids });
      for (const u of users) labels.set(u.id, { label: u.name });
    }
  }
  return labels;
}
