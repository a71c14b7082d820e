import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdPlatform } from './entities/ad-platform.entity';
import { TicketTrackingIdentifier } from './entities/ticket-tracking-identifier.entity';
import { TicketTracking } from './entities/ticket-tracking.entity';
import { TrackingIdentifierType } from './entities/tracking-identifier-type.entity';
import { IdentifierCatalog } from './identifier-catalog';
import { TicketAttributionService } from './ticket-attribution.service';
import { TicketTrackingsRepository } from './ticket-trackings.repository';
import { TrackingIdentifierTypesRepository } from './tracking-identifier-types.repository';

@Module({
  imports: [TypeOrmModule.forFeature([AdPlatform, TrackingIdentifierType, TicketTracking, TicketTrackingIdentifier])],
  providers: [
    IdentifierCatalog,
    TicketAttributionService,
    TicketTrackingsRepository,
    TrackingIdentifierTypesRepository,
  ],
  exports: [TypeOrmModule, IdentifierCatalog, TicketAttributionService, TicketTrackingsRepository],
})
export class TrackingModule {}
