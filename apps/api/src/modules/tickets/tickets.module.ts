import { Module } from '@nestjs/common';
import { ApiKeysRepository } from '../api-keys/api-keys.repository';
import { ConversationsModule } from '../conversations/conversations.module';
import { LeadsModule } from '../leads/leads.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { StagesModule } from '../stages/stages.module';
import { TicketRollupsModule } from '../ticket-rollups/ticket-rollups.module';
import { TrackingModule } from '../tracking/tracking.module';
import { UsersModule } from '../users/users.module';
import { TicketEventsRepository } from './ticket-events.repository';
import { TicketExportService } from './ticket-export.service';
import { TicketListingService } from './ticket-listing.service';
import { TicketPageReader } from './ticket-page-reader';
import { TicketQueueRepository } from './ticket-queue.repository';
import { TicketQueueService } from './ticket-queue.service';
import { TicketSearchMatches } from './ticket-search-matches';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

@Module({
  imports: [
    ...[TrackingModule, OrganizationsModule, StagesModule, LeadsModule, UsersModule, ConversationsModule],
    TicketRollupsModule,
  ],
  controllers: [TicketsController],
  providers: [
    TicketsService,
    TicketListingService,
    TicketPageReader,
    TicketExportService,
    TicketSearchMatches,
    TicketsRepository,
    TicketEventsRepository,
    TicketQueueService,
    TicketQueueRepository,
    // Stateless: the queue reads an API key's creator (who `me` is for a key).
    ApiKeysRepository,
  ],
  exports: [TicketsService, TicketListingService, TicketsRepository, TicketEventsRepository],
})
export class TicketsModule {}
