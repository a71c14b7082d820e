import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import type { LeadScope } from '../leads/lead-scope.sql';
import { leadTicketIds } from '../leads/lead-scope.sql';

/** A sale as the API and the conversion outbox read it. */
export interface SaleRow {
  id: string;
  organizationId: string;
  ticketId: string;
  value: number;
  description: string | null;
  soldAt: Date;
  createdByUserId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewSale {
  organizationId: string;
  ticketId: string;
  value: number;
  description: string | null;
  soldAt: Date;
  createdByUserId: string | null;
}

const SALE_COLUMNS = [
  'sales.id',
  'sales.organization_id as organizationId',
  'sales.ticket_id as ticketId',
  'sales.value',
  'sales.description',
  'sales.sold_at as soldAt',
  'sales.created_by_user_id as createdByUserId',
  'sales.created_at as createdAt',
  'sales.updated_at as updatedAt',
] as const;

/**
 * The only SQL of sales. The ticket's sales_count and sales_total are not written here: a trigger on sales keeps
 * them (migration SalesCounters).
 */
@Injectable()
export class SalesRepository {
  @GenerateSql({
    params: [
      {
        organizationId: DummyValue.UUID,
        ticketId: DummyValue.UUID2,
        value: 1200.5,
        description: 'Plano anual',
        soldAt: DummyValue.DATE,
        createdByUserId: null,
      },
    ],
  })
  insert(db: Db, sale: NewSale): Promise<SaleRow> {
    return db.one(
      qb
        .insertInto('sales')
        .values({
          organization_id: sale.organizationId,
          ticket_id: sale.ticketId,
          value: sale.value,
          description: sale.description,
          sold_at: sale.soldAt,
          created_by_user_id: sale.createdByUserId,
        })
        .returning(SALE_COLUMNS),
    );
  }

  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, id: DummyValue.UUID2 }] })
  findById(db: Db, { organizationId, id }: { organizationId: string; id: string }): Promise<SaleRow | undefined> {
    return db.first(
      qb
        .selectFrom('sales')
        .select(SALE_COLUMNS)
        .where('sales.organization_id', '=', organizationId)
        .where('sales.id', '=', id),
    );
  }

  /**
   * The sales of a ticket, oldest first, or null when the organization has no such ticket: one statement reads the
   * ticket (for its existence only) with its sales.
   */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, ticketId: DummyValue.UUID2 }] })
  async listOfTicket(
    db: Db,
    { organizationId, ticketId }: { organizationId: string; ticketId: string },
  ): Promise<SaleRow[] | null> {
    const rows = await db.all(
      qb
        .selectFrom('tickets as t')
        .leftJoin('sales', (join) =>
          join.onRef('sales.organization_id', '=', 't.organization_id').onRef('sales.ticket_id', '=', 't.id'),
        )
        .select(SALE_COLUMNS)
        .where('t.organization_id', '=', organizationId)
        .where('t.id', '=', ticketId)
        .orderBy('sales.sold_at', 'asc')
        .orderBy('sales.created_at', 'asc'),
    );
    if (rows.length === 0) return null;
    return rows.filter((r): r is SaleRow => r.id !== null);
  }

  /** Answers whether the sale was there to delete (a concurrent delete may have taken it). */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, id: DummyValue.UUID2 }] })
  async delete(db: Db, { organizationId, id }: { organizationId: string; id: string }): Promise<boolean> {
    return (
      (await db.run(qb.deleteFrom('sales').where('organization_id', '=', organizationId).where('id', '=', id))) > 0
    );
  }

  /** The sales of the lead's tickets, oldest first (the privacy export). */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2 }] })
  listOfLead(db: Db, scope: LeadScope): Promise<SaleRow[]> {
    return db.all(
      qb
        .selectFrom('sales')
        .select(SALE_COLUMNS)
        .where('sales.organization_id', '=', scope.organizationId)
        .where('sales.ticket_id', 'in', leadTicketIds(scope))
        .orderBy('sales.sold_at')
        .orderBy('sales.id'),
    );
  }
}
