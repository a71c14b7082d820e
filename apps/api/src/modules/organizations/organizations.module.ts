import { Module } from '@nestjs/common';
import { OrganizationSettings } from './organization-settings';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';

@Module({
  controllers: [OrganizationsController],
  providers: [OrganizationsService, OrganizationSettings, OrganizationsRepository],
  exports: [OrganizationsService, OrganizationSettings, OrganizationsRepository],
})
export class OrganizationsModule {}
