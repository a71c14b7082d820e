import { Injectable } from '@nestjs/common';
import { TicketEventType } from '@whatrack/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import { NotFoundError } from '../../common/errors/domain-errors';
import { Db } from '../../database/db';
import { enqueuePurchaseConversion } from '../conversions/conversion-outbox';
import { actorOf } from '../tickets/ticket-events';
import { TicketEventsRepository } from '../tickets/ticket-events.repository';
import { TicketsService } from '../tickets/tickets.service';
import type { CreateSaleDto } from './dto/create-sale.dto';
import { type SaleRow, SalesRepository } from './sales.repository';

/**
 * Sales of a ticket. The ticket's sales_count/sales_total follow in the same transaction: a trigger on sales keeps
 * them (migration SalesCounters).
 */
@Injectable()
export class SalesService {
  constructor(
    private readonly db: Db,
    private readonly sales: SalesRepository,
    private readonly tickets: TicketsService,
    private readonly events: TicketEventsRepository,
    private readonly clock: Clock,
  ) {}

  create(auth: AuthContext, ticketId: string, dto: CreateSaleDto): Promise<SaleRow> {
    const org = auth.organizationId;
    return this.db.transaction(async (tx) => {
      await this.tickets.lockTicket(tx, org, ticketId);
      const sale = await this.sales.insert(tx, {
        organizationId: org,
        ticketId,
        value: dto.value,
        description: dto.description ?? null,
        soldAt: dto.soldAt ? new Date(dto.soldAt) : this.clock.now(),
        createdByUserId: auth.userId,
      });
      await this.events.record(tx, {
        organizationId: org,
        ticketId,
        actor: actorOf(auth),
        type: TicketEventType.SALE_ADDED,
        before: null,
        after: { saleId: sale.id, value: sale.value, description: sale.description },
      });
      await enqueuePurchaseConversion(tx, sale, this.clock.now());
      return sale;
    });
  }

  async list(auth: AuthContext, ticketId: string): Promise<SaleRow[]> {
    const sales = await this.sales.listOfTicket(this.db, { organizationId: auth.organizationId, ticketId });
    if (!sales) throw NotFoundError.of('Ticket', ticketId);
    return sales;
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    const org = auth.organizationId;
    await this.db.transaction(async (tx) => {
      const sale = await this.sales.findById(tx, { organizationId: org, id });
      if (!sale) throw NotFoundError.of('Sale', id);
      // Locked first, as every write of the ticket does (the trigger then updates its counters).
      await this.tickets.lockTicket(tx, org, sale.ticketId);
      await this.sales.delete(tx, { organizationId: org, id });
    });
  }
}
