import { Module } from '@nestjs/common';
import { TicketRollupsCompactor } from './ticket-rollups.compactor';
import { TicketRollupsRepository } from './ticket-rollups.repository';

/** Ticket rollups: the cells summaries and reports read (kept by triggers), and their compactor. */
@Module({
  providers: [TicketRollupsRepository, TicketRollupsCompactor],
  exports: [TicketRollupsRepository, TicketRollupsCompactor],
})
export class TicketRollupsModule {}
