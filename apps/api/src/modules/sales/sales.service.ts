import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TicketEventType } from '@whatrack/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import { NotFoundError } from '../../common/errors/domain-errors';
import { enqueuePurchaseConversion } from '../conversions/conversion-outbox';
import { Ticket } from '../tickets/entities/ticket.entity';
import { actorOf, recordTicketEvent } from '../tickets/ticket-events';
import { TicketsService } from '../tickets/tickets.service';
import type { CreateSaleDto } from './dto/create-sale.dto';
import { Sale } from './entities/sale.entity';

/** Sales of a ticket; the ticket's sales_count/sales_total change in the same transaction as the sale. */
@Injectable()
export class SalesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly clock: Clock,
  ) {}

  create(auth: AuthContext, ticketId: string, dto: CreateSaleDto): Promise<Sale> {
    const org = auth.organizationId;
    return this.dataSource.transaction(async (m) => {
      await this.tickets.lockTicket(m, org, ticketId);
      const sale = await m.save(
        Sale,
        m.create(Sale, {
          organizationId: org,
          ticketId,
          value: dto.value,
          description: dto.description ?? null,
          soldAt: dto.soldAt ? new Date(dto.soldAt) : this.clock.now(),
          createdByUserId: auth.userId,
        }),
      );
      await this.adjustCounters(m, org, ticketId, 1, dto.value);
      await recordTicketEvent(m, org, ticketId, actorOf(auth), TicketEventType.SALE_ADDED, null, {
        saleId: sale.id,
        value: sale.value,
        description: sale.description,
      });
      await enqueuePurchaseConversion(m, sale, this.clock.now());
      return sale;
    });
  }

  async list(auth: AuthContext, ticketId: string): Promise<Sale[]> {
    const org = auth.organizationId;
    if (!(await this.dataSource.manager.existsBy(Ticket, { organizationId: org, id: ticketId }))) {
      throw NotFoundError.of('Ticket', ticketId);
    }
    return this.dataSource.manager.find(Sale, {
      where: { organizationId: org, ticketId },
      order: { soldAt: 'ASC', createdAt: 'ASC' },
    });
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    const org = auth.organizationId;
    await this.dataSource.transaction(async (m) => {
      const sale = await m.findOneBy(Sale, { organizationId: org, id });
      if (!sale) throw NotFoundError.of('Sale', id);
      await this.tickets.lockTicket(m, org, sale.ticketId);
      const deleted = await m.delete(Sale, { organizationId: org, id });
      // A concurrent delete of the same sale already adjusted the counters.
      if (deleted.affected) await this.adjustCounters(m, org, sale.ticketId, -1, -sale.value);
    });
  }

  private async adjustCounters(
    m: EntityManager,
    organizationId: string,
    ticketId: string,
    count: number,
    value: number,
  ): Promise<void> {
    await m.query(
      `UPDATE tickets SET sales_count = sales_count + $3, sales_total = sales_total + $4, updated_at = now()
       WHERE organization_id = $1 AND id = $2`,
      [organizationId, ticketId, count, value],
    );
  }
}
