import { Module } from '@nestjs/common';
import { TrackingModule } from '../tracking/tracking.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [TrackingModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
