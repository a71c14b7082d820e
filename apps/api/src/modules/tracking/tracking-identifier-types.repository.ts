import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/db';
import { GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

export interface AdPlatformRow {
  id: string;
  key: string;
  name: string;
}

export interface IdentifierTypeRow {
  id: string;
  key: string;
  name: string;
  adPlatformId: string;
}

/**
 * The reference data of attribution: ad platforms and click-id types (tracking_identifier_types), global tables
 * seeded by migrations and read whole by IdentifierCatalog.
 */
@Injectable()
export class TrackingIdentifierTypesRepository {
  @GenerateSql({ params: [] })
  listPlatforms(db: Db): Promise<AdPlatformRow[]> {
    return db.all(qb.selectFrom('ad_platforms').select(['id', 'key', 'name']).orderBy('key', 'asc'));
  }

  @GenerateSql({ params: [] })
  listTypes(db: Db): Promise<IdentifierTypeRow[]> {
    return db.all(
      qb
        .selectFrom('tracking_identifier_types')
        .select(['id', 'key', 'name', 'ad_platform_id as adPlatformId'])
        .orderBy('key', 'asc'),
    );
  }
}
