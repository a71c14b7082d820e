import { Module } from '@nestjs/common';
import { IdentifierCatalog } from './identifier-catalog';
import { TicketAttributionService } from './ticket-attribution.service';
import { TicketTrackingsRepository } from './ticket-trackings.repository';
import { TrackingIdentifierTypesRepository } from './tracking-identifier-types.repository';

@Module({
  imports: [],
  providers: [
    IdentifierCatalog,
    TicketAttributionService,
    TicketTrackingsRepository,
    TrackingIdentifierTypesRepository,
  ],
  exports: [IdentifierCatalog, TicketAttributionService, TicketTrackingsRepository],
})
export class TrackingModule {}
