import { Module } from '@nestjs/common';
import { StageTicketsRepository } from './stage-tickets.repository';
import { StagesController } from './stages.controller';
import { StagesService } from './stages.service';
import { TicketStagesRepository } from './ticket-stages.repository';

@Module({
  controllers: [StagesController],
  providers: [StagesService, TicketStagesRepository, StageTicketsRepository],
  exports: [StagesService, TicketStagesRepository],
})
export class StagesModule {}
