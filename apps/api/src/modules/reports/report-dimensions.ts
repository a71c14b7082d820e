import type { Catalog } from '../tracking/identifier-catalog';
import type { AttributionGroup } from './dto/report-query.dto';

/** Key of the group of tickets without a value for the dimension (no tracking, no campaign, unassigned...). */
export const NONE_KEY = '(none)';

/**
 * SQL of each dimension over `t` (tickets) and `tr` (ticket_trackings), as text or NULL. `tracking` marks the
 * dimensions that read `tr`, so the tracking join is only added when a dimension or a filter needs it.
 */
export const DIMENSIONS: Record<AttributionGroup, { sql: string; tracking: boolean }> = {
  platform: { sql: 'tr.ad_platform_id::text', tracking: true },
  sourceType: { sql: 't.source_type::text', tracking: false },
  utmSource: { sql: 'tr.utm_source::text', tracking: true },
  utmMedium: { sql: 'tr.utm_medium::text', tracking: true },
  utmCampaign: { sql: 'tr.utm_campaign::text', tracking: true },
  adId: { sql: 'tr.ad_id::text', tracking: true },
  stage: { sql: 't.stage_id::text', tracking: false },
  assignee: { sql: 't.assignee_id::text', tracking: false },
};

/** SQL groups platforms by id; reports name them by their catalog key (the id itself if the catalog lacks it). */
export function platformKey(catalog: Catalog, id: string): string {
  return catalog.platformsById.get(id)?.key ?? id;
}

/** The reported key of a grouped SQL row: NONE_KEY for NULL, the catalog key for a platform id. */
export function dimensionKey(catalog: Catalog, groupBy: AttributionGroup, key: string | null): string {
  return key === null ? NONE_KEY : groupBy === 'platform' ? platformKey(catalog, key) : key;
}

/** Comparator term that sorts the NONE_KEY group after every named group. */
export function noneLast(a: string, b: string): number {
  return Number(a === NONE_KEY) - Number(b === NONE_KEY);
}
