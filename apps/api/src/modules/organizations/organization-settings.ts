import { Injectable } from '@nestjs/common';
import { OrgReadCache } from '../../common/cache/org-read-cache';
import { Db } from '../../database/db';
import { type OrganizationRow, OrganizationsRepository } from './organizations.repository';

/** The organization's settings (time zone, currency) for read paths, reused until its next write. */
@Injectable()
export class OrganizationSettings {
  constructor(
    private readonly db: Db,
    private readonly organizations: OrganizationsRepository,
    private readonly cache: OrgReadCache,
  ) {}

  /**
   * Shared between requests: read it, never change it. A hit skips the bus sync: a time zone or currency changed
   * on another instance shows here once its notice arrives (milliseconds), and every report read pays no extra
   * round trip for it.
   */
  of(organizationId: string): Promise<Readonly<OrganizationRow>> {
    return this.cache.get(
      organizationId,
      'organization',
      async () => {
        const org = await this.organizations.findById(this.db, { organizationId });
        // As findOneByOrFail did: a missing organization of an authenticated caller is a server error, not a 404.
        if (!org) throw new Error(`Organization ${organizationId} not found`);
        return org;
      },
      { synced: false, config: true },
    );
  }
}
