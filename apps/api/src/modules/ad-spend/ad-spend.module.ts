import { Module } from '@nestjs/common';
import { TrackingModule } from '../tracking/tracking.module';
import { AdSpendController } from './ad-spend.controller';
import { AdSpendRepository } from './ad-spend.repository';
import { AdSpendService } from './ad-spend.service';

@Module({
  imports: [TrackingModule],
  controllers: [AdSpendController],
  providers: [AdSpendService, AdSpendRepository],
  exports: [AdSpendRepository],
})
export class AdSpendModule {}
