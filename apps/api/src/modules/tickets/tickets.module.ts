import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TrackingModule } from '../tracking/tracking.module';
import { TicketEvent } from './entities/ticket-event.entity';
import { Ticket } from './entities/ticket.entity';
import { TicketExportService } from './ticket-export.service';
import { TicketListingService } from './ticket-listing.service';
import { TicketPageReader } from './ticket-page-reader';
import { TicketSearchMatches } from './ticket-search-matches';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [TypeOrmModule.forFeature([Ticket, TicketEvent]), TrackingModule, OrganizationsModule],
  controllers: [TicketsController],
  providers: [TicketsService, TicketListingService, TicketPageReader, TicketExportService, TicketSearchMatches],
  exports: [TypeOrmModule, TicketsService, TicketListingService],
})
export class TicketsModule {}
