import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TrackingModule } from '../tracking/tracking.module';
import { TrackingClick } from './entities/tracking-click.entity';
import { TrackingLink } from './entities/tracking-link.entity';
import { TrackingLinksController } from './tracking-links.controller';
import { TrackingLinksService } from './tracking-links.service';
import { TrackingRedirectController } from './tracking-redirect.controller';

@Module({
  imports: [TypeOrmModule.forFeature([TrackingLink, TrackingClick]), TrackingModule],
  controllers: [TrackingLinksController, TrackingRedirectController],
  providers: [TrackingLinksService],
  exports: [TrackingLinksService],
})
export class TrackingLinksModule {}
