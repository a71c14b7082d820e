import { Module } from '@nestjs/common';
import { TicketStageMovesRepository } from '../tickets/ticket-stage-moves.repository';
import { StagesController } from './stages.controller';
import { StagesService } from './stages.service';
import { TicketStagesRepository } from './ticket-stages.repository';

@Module({
  controllers: [StagesController],
  providers: [StagesService, TicketStagesRepository, TicketStageMovesRepository],
  exports: [StagesService, TicketStagesRepository],
})
export class StagesModule {}
