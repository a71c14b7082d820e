import { Injectable } from '@nestjs/common';
import type { TicketSourceType } from '@whatrack/shared';
import { InvalidInputError } from '../../common/errors/domain-errors';
import type { Db } from '../../database/db';
import { derivePlatformKey, deriveSourceType } from './attribution';
import { IdentifierCatalog } from './identifier-catalog';
import { type NewTracking, TicketTrackingsRepository } from './ticket-trackings.repository';

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
  constructor(
    private readonly catalog: IdentifierCatalog,
    private readonly trackings: TicketTrackingsRepository,
  ) {}

  async resolve(db: Db, input: AttributionInput, field = 'ticket.clickIds'): Promise<ResolvedAttribution> {
    const tx = db;
    let catalog = await this.catalog.get(tx);
    if (Object.keys(input.clickIds).some((key) => !catalog.identifierTypes.has(key))) {
      catalog = await this.catalog.get(tx, true);
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
    db: Db,
    organizationId: string,
    ticketId: string,
    input: AttributionInput,
    resolved: ResolvedAttribution,
  ): Promise<void> {
    const tx = db;
    const tracking = await this.trackingRow(tx, input, resolved);
    await this.trackings.insert(tx, { organizationId, ticketId, tracking });
  }

  /** The tracking row and click ids to store, with the current catalog (click ids validated by resolve). */
  async trackingRow(db: Db, input: AttributionInput, resolved: ResolvedAttribution): Promise<NewTracking> {
    const catalog = await this.catalog.get(db);
    return {
      utmSource: input.utmSource ?? null,
      utmMedium: input.utmMedium ?? null,
      utmCampaign: input.utmCampaign ?? null,
      utmTerm: input.utmTerm ?? null,
      utmContent: input.utmContent ?? null,
      adId: input.adId ?? null,
      sourceUrl: input.sourceUrl ?? null,
      adHeadline: input.adHeadline ?? null,
      adPlatformId: resolved.platformId,
      identifiers: Object.entries(input.clickIds).map(([key, value]) => ({
        typeId: catalog.identifierTypes.get(key)!.id,
        value,
      })),
    };
  }
}
