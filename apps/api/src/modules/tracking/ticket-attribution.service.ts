import { Injectable } from '@nestjs/common';
import type { TicketSourceType } from '@whatrack/shared';
import type { EntityManager } from 'typeorm';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { queryPrepared } from '../../common/sql/prepared-query';
import { SqlParams } from '../../common/sql/sql-params';
import { derivePlatformKey, deriveSourceType } from './attribution';
import { type Catalog, IdentifierCatalog } from './identifier-catalog';

export interface AttributionInput {
  utmSource?: string | null;
  utmMedium?: string | null;
  utmCampaign?: string | null;
  utmTerm?: string | null;
  utmContent?: string | null;
  adId?: string | null;
  sourceUrl?: string | null;
  adHeadline?: string | null;
  /** Platform known from the channel itself (a Click-to-WhatsApp referral is Meta's even without a click id). */
  platformKey?: string | null;
  /** Click ids by identifier type key (gclid, fbclid, ctwaclid, or any type added later). */
  clickIds: Record<string, string>;
  /** Explicit classification; derived from the click ids and medium when absent. */
  sourceType?: TicketSourceType;
}

export interface ResolvedAttribution {
  sourceType: TicketSourceType;
  platformId: string | null;
}

/** Validates click ids against the known types, derives platform and source type, and stores the tracking rows. */
@Injectable()
export class TicketAttributionService {
  constructor(private readonly catalog: IdentifierCatalog) {}

  async resolve(m: EntityManager, input: AttributionInput, field = 'ticket.clickIds'): Promise<ResolvedAttribution> {
    let catalog = await this.catalog.get(m);
    if (Object.keys(input.clickIds).some((key) => !catalog.identifierTypes.has(key))) {
      catalog = await this.catalog.get(m, true);
    }
    const platformKeys: string[] = [];
    for (const key of Object.keys(input.clickIds)) {
      const type = catalog.identifierTypes.get(key);
      if (!type) {
        const known = [...catalog.identifierTypes.keys()].join(', ');
        throw InvalidInputError.field(`${field}.${key}`, `unknown click id "${key}"; known: ${known}`);
      }
      platformKeys.push(type.platformKey);
    }
    const platformKey = input.platformKey ?? derivePlatformKey(platformKeys, input.utmSource, input.utmMedium);
    return {
      sourceType: input.sourceType ?? deriveSourceType(platformKeys.length > 0, input.utmMedium),
      platformId: platformKey ? (catalog.platformsByKey.get(platformKey)?.id ?? null) : null,
    };
  }

  /** Stores the ticket's tracking row and click ids in one statement (inside the caller's transaction). */
  async store(
    m: EntityManager,
    organizationId: string,
    ticketId: string,
    input: AttributionInput,
    resolved: ResolvedAttribution,
  ): Promise<void> {
    const p = new SqlParams();
    const ticket = `(SELECT ${p.add(ticketId)}::uuid AS id)`;
    const inserts = await this.trackingInsertsSql(m, p, p.add(organizationId), ticket, input, resolved);
    await queryPrepared(m, `WITH ${inserts} SELECT 1`, p.values);
  }

  /** {@link trackingInserts} with the current catalog, for a statement that also inserts the ticket. */
  async trackingInsertsSql(
    m: EntityManager,
    p: SqlParams,
    org: string,
    ticket: string,
    input: AttributionInput,
    resolved: ResolvedAttribution,
  ): Promise<string> {
    return trackingInserts(p, org, ticket, input, resolved, await this.catalog.get(m));
  }
}

/**
 * The CTEs `tracking` and `identifiers` that insert a ticket's tracking row and click ids, for a WITH clause: `org` is
 * the organization's placeholder and `ticket` a relation with the ticket's `id` (a CTE of the same statement or a
 * one-row subquery). The click ids must have been validated by {@link TicketAttributionService.resolve}.
 */
export function trackingInserts(
  p: SqlParams,
  org: string,
  ticket: string,
  input: AttributionInput,
  resolved: ResolvedAttribution,
  catalog: Catalog,
): string {
  const entries = Object.entries(input.clickIds);
  const typeIds = p.add(entries.map(([key]) => catalog.identifierTypes.get(key)!.id));
  const values = p.add(entries.map(([, value]) => value));
  const columns = [
    input.utmSource,
    input.utmMedium,
    input.utmCampaign,
    input.utmTerm,
    input.utmContent,
    input.adId,
    input.sourceUrl,
    input.adHeadline,
    resolved.platformId,
  ]
    .map((value) => p.add(value ?? null))
    .join(', ');
  return `tracking AS (
      INSERT INTO ticket_trackings (organization_id, ticket_id, utm_source, utm_medium, utm_campaign, utm_term,
                                    utm_content, ad_id, source_url, ad_headline, ad_platform_id)
      SELECT ${org}, ticket.id, ${columns} FROM ${ticket} AS ticket
      RETURNING id),
    identifiers AS (
      INSERT INTO ticket_tracking_identifiers (organization_id, tracking_id, identifier_type_id, value)
      SELECT ${org}, tracking.id, click.type_id, click.value
        FROM tracking, unnest(${typeIds}::uuid[], ${values}::varchar[]) AS click(type_id, value))`;
}
