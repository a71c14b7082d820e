import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import { type AdPlatformRow, TrackingIdentifierTypesRepository } from './tracking-identifier-types.repository';

export interface IdentifierTypeInfo {
  id: string;
  key: string;
  name: string;
  platformId: string;
  platformKey: string;
}

export interface Catalog {
  identifierTypes: Map<string, IdentifierTypeInfo>;
  platformsByKey: Map<string, AdPlatformRow>;
  platformsById: Map<string, AdPlatformRow>;
}

const TTL_MS = 60_000;

/**
 * Reference data (ad platforms and click-id types), read from the database and kept for a minute:
 * adding a click-id type is an INSERT, picked up without a deploy.
 */
@Injectable()
export class IdentifierCatalog {
  private cached: { at: number; catalog: Catalog } | null = null;

  constructor(
    private readonly db: Db,
    private readonly types: TrackingIdentifierTypesRepository,
  ) {}

  /** `fresh` skips the cache (used before rejecting a key the cached copy does not know). */
  async get(db: Db = this.db, fresh = false): Promise<Catalog> {
    if (!fresh && this.cached && Date.now() - this.cached.at < TTL_MS) return this.cached.catalog;
    // Sequential on purpose: inside a transaction the Db holds one connection.
    const platforms = await this.types.listPlatforms(db);
    const types = await this.types.listTypes(db);
    const platformsById = new Map(platforms.map((p) => [p.id, p]));
    const identifierTypes = new Map(
      types.map((t) => [
        t.key,
        {
          id: t.id,
          key: t.key,
          name: t.name,
          platformId: t.adPlatformId,
          platformKey: platformsById.get(t.adPlatformId)?.key ?? '',
        },
      ]),
    );
    const catalog = { identifierTypes, platformsById, platformsByKey: new Map(platforms.map((p) => [p.key, p])) };
    this.cached = { at: Date.now(), catalog };
    return catalog;
  }
}
