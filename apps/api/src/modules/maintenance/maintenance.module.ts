import { Module } from '@nestjs/common';
import { DatabaseMaintenanceRepository } from './database-maintenance.repository';
import { EmbeddedVacuum } from './embedded-vacuum';

@Module({ providers: [DatabaseMaintenanceRepository, EmbeddedVacuum] })
export class MaintenanceModule {}
