import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { NotesController } from './notes.controller';
import { NotesService } from './notes.service';
import { TicketNotesRepository } from './ticket-notes.repository';

/** Internal notes of tickets (GET/POST /tickets/:id/notes). It must never depend on the replies module. */
@Module({
  imports: [UsersModule],
  controllers: [NotesController],
  providers: [NotesService, TicketNotesRepository],
})
export class NotesModule {}
