import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-errors';
import type { UpdateOrganizationDto } from './dto/update-organization.dto';
import { Organization } from './entities/organization.entity';

@Injectable()
export class OrganizationsService {
  constructor(@InjectRepository(Organization) private readonly organizations: Repository<Organization>) {}

  async getCurrent(auth: AuthContext): Promise<Organization> {
    const org = await this.organizations.findOneBy({ id: auth.organizationId });
    if (!org) throw NotFoundError.of('Organization');
    return org;
  }

  async update(auth: AuthContext, dto: UpdateOrganizationDto): Promise<Organization> {
    const org = await this.getCurrent(auth);
    Object.assign(org, dto);
    return this.organizations.save(org);
  }
}
