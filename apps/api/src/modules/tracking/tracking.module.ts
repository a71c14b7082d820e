import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdPlatform } from './entities/ad-platform.entity';
import { TicketTrackingIdentifier } from './entities/ticket-tracking-identifier.entity';
import { TicketTracking } from './entities/ticket-tracking.entity';
import { TrackingIdentifierType } from './entities/tracking-identifier-type.entity';
import { IdentifierCatalog } from './identifier-catalog';
import { TicketAttributionService } from './ticket-attribution.service';

@Module({
  imports: [TypeOrmModule.forFeature([AdPlatform, TrackingIdentifierType, TicketTracking, TicketTrackingIdentifier])],
  providers: [IdentifierCatalog, TicketAttributionService],
  exports: [TypeOrmModule, IdentifierCatalog, TicketAttributionService],
})
export class TrackingModule {}
