import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TicketsModule } from '../tickets/tickets.module';
import { Sale } from './entities/sale.entity';
import { SalesController } from './sales.controller';
import { SalesService } from './sales.service';

@Module({
  imports: [TypeOrmModule.forFeature([Sale]), TicketsModule],
  controllers: [SalesController],
  providers: [SalesService],
  exports: [TypeOrmModule, SalesService],
})
export class SalesModule {}
