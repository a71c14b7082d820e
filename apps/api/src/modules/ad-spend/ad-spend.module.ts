import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TrackingModule } from '../tracking/tracking.module';
import { AdSpendController } from './ad-spend.controller';
import { AdSpendService } from './ad-spend.service';
import { AdSpend } from './entities/ad-spend.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AdSpend]), TrackingModule],
  controllers: [AdSpendController],
  providers: [AdSpendService],
  exports: [TypeOrmModule],
})
export class AdSpendModule {}
