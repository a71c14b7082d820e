import { Module } from '@nestjs/common';
import { TicketRollupsCompactor } from './ticket-rollups.compactor';
import { TicketReachRepository } from './ticket-reach.repository';
import { TicketRollupsRepository } from './ticket-rollups.repository';

/** Ticket rollups: the cells summaries and reports read, the funnel's reach cells (kept by triggers), and their compactor. */
@Module({
  providers: [TicketRollupsRepository, TicketReachRepository, TicketRollupsCompactor],
  exports: [TicketRollupsRepository, TicketReachRepository, TicketRollupsCompactor],
})
export class TicketRollupsModule {}
