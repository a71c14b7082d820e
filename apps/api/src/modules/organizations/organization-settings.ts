import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrgReadCache } from '../../common/cache/org-read-cache';
import { Organization } from './entities/organization.entity';

/** The organization's settings (time zone, currency) for read paths, reused until its next write. */
@Injectable()
export class OrganizationSettings {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: OrgReadCache,
  ) {}

  /** Shared between requests: read it, never change it. */
  of(organizationId: string): Promise<Readonly<Organization>> {
    return this.cache.get(organizationId, 'organization', () =>
      this.dataSource.manager.findOneByOrFail(Organization, { id: organizationId }),
    );
  }
}
