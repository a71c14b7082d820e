import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TicketEvent } from './entities/ticket-event.entity';
import { Ticket } from './entities/ticket.entity';

@Module({ imports: [TypeOrmModule.forFeature([Ticket, TicketEvent])], exports: [TypeOrmModule] })
export class TicketsModule {}
