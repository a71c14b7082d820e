import type { RawBuilder } from 'kysely';
import type { Catalog } from '../tracking/identifier-catalog';
import type { AttributionGroup } from './dto/report-query.dto';
import { asText, report } from './report-filter.sql';

/** Key of the group of tickets without a value for the dimension (no tracking, no campaign, unassigned...). */
export const NONE_KEY = '(none)';

/**
 * Expression of each dimension over `t` (tickets) and `tr` (ticket_trackings), as text or NULL. `tracking` marks
 * the dimensions that read `tr`, so the tracking join is only added when a dimension or a filter needs it.
 */
export const DIMENSIONS: Record<AttributionGroup, { key: RawBuilder<string | null>; tracking: boolean }> = {
  platform: { key: asText(report.ref('tr.ad_platform_id')), tracking: true },
  sourceType: { key: asText(report.ref('t.source_type')), tracking: false },
  utmSource: { key: asText(report.ref('tr.utm_source')), tracking: true },
  utmMedium: { key: asText(report.ref('tr.utm_medium')), tracking: true },
  utmCampaign: { key: asText(report.ref('tr.utm_campaign')), tracking: true },
  adId: { key: asText(report.ref('tr.ad_id')), tracking: true },
  stage: { key: asText(report.ref('t.stage_id')), tracking: false },
  assignee: { key: asText(report.ref('t.assignee_id')), tracking: false },
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
