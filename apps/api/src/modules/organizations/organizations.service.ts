import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-errors';
import { Db } from '../../database/db';
import type { UpdateOrganizationDto } from './dto/update-organization.dto';
import { type OrganizationPatch, type OrganizationRow, OrganizationsRepository } from './organizations.repository';

const EDITABLE = ['name', 'timezone', 'currency'] as const;

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly db: Db,
    private readonly organizations: OrganizationsRepository,
  ) {}

  async getCurrent(auth: Pick<AuthContext, 'organizationId'>): Promise<OrganizationRow> {
    const org = await this.organizations.findById(this.db, { organizationId: auth.organizationId });
    if (!org) throw NotFoundError.of('Organization');
    return org;
  }

  /** Writes only the columns that change (nothing, and updated_at stays, when none does). */
  async update(auth: AuthContext, dto: UpdateOrganizationDto): Promise<OrganizationRow> {
    const org = await this.getCurrent(auth);
    const patch: OrganizationPatch = {};
    for (const key of EDITABLE) {
      const value = dto[key];
      if (value !== undefined && value !== org[key]) patch[key] = value;
    }
    if (Object.keys(patch).length === 0) return org;
    const updated = await this.organizations.update(this.db, { organizationId: auth.organizationId, patch });
    if (!updated) throw NotFoundError.of('Organization');
    return updated;
  }
}
