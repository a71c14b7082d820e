import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { StagesModule } from '../stages/stages.module';
import { TicketRollupsModule } from '../ticket-rollups/ticket-rollups.module';
import { TrackingModule } from '../tracking/tracking.module';
import { UsersModule } from '../users/users.module';
import { AttributionReportRepository } from './attribution-report.repository';
import { FunnelReportRepository } from './funnel-report.repository';
import { SupportReportRepository } from './support-report.repository';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { TimeseriesReportRepository } from './timeseries-report.repository';

@Module({
  imports: [TrackingModule, OrganizationsModule, StagesModule, UsersModule, TicketRollupsModule],
  controllers: [ReportsController],
  providers: [
    ReportsService,
    AttributionReportRepository,
    TimeseriesReportRepository,
    FunnelReportRepository,
    SupportReportRepository,
  ],
})
export class ReportsModule {}
