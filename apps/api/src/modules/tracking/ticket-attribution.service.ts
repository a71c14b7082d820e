import { Injectable } from '@nestjs/common';
import type { TicketSourceType } from '@whatrack/shared';
import type { EntityManager } from 'typeorm';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { derivePlatformKey, deriveSourceType } from './attribution';
import { TicketTrackingIdentifier } from './entities/ticket-tracking-identifier.entity';
import { TicketTracking } from './entities/ticket-tracking.entity';
import { IdentifierCatalog } from './identifier-catalog';

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
    const platformKey = input.platformKey ?? derivePlatformKey(platformKeys, input.utmSource);
    return {
      sourceType: input.sourceType ?? deriveSourceType(platformKeys.length > 0, input.utmMedium),
      platformId: platformKey ? (catalog.platformsByKey.get(platformKey)?.id ?? null) : null,
    };
  }

  async store(
    m: EntityManager,
    organizationId: string,
    ticketId: string,
    input: AttributionInput,
    resolved: ResolvedAttribution,
  ): Promise<void> {
    const catalog = await this.catalog.get(m);
    const tracking = await m.save(
      TicketTracking,
      m.create(TicketTracking, {
        organizationId,
        ticketId,
        utmSource: input.utmSource ?? null,
        utmMedium: input.utmMedium ?? null,
        utmCampaign: input.utmCampaign ?? null,
        utmTerm: input.utmTerm ?? null,
        utmContent: input.utmContent ?? null,
        adId: input.adId ?? null,
        sourceUrl: input.sourceUrl ?? null,
        adHeadline: input.adHeadline ?? null,
        adPlatformId: resolved.platformId,
      }),
    );
    const identifiers = Object.entries(input.clickIds).map(([key, value]) => ({
      organizationId,
      trackingId: tracking.id,
      identifierTypeId: catalog.identifierTypes.get(key)!.id,
      value,
    }));
    if (identifiers.length > 0) await m.insert(TicketTrackingIdentifier, identifiers);
  }
}
