import { randomUUID } from 'node:crypto';
import { type Actor, DAY, type DemoContext, iso, MINUTE, tenantRow } from './demo-context';

export interface WonTicket {
  ticketId: string;
  productName: string;
  /** Who registers the sales. */
  worker: Actor;
  dealValue: number;
  closedAt: number;
}

/**
 * Sales of a won ticket, with their timeline events: one payment (numbered contract), or a down payment of
 * 30% and the balance up to ten days later. Every sale is before now.
 */
export function addSales(ctx: DemoContext, won: WonTicket): void {
  const { random, now } = ctx;
  const { ticketId, worker, dealValue, closedAt } = won;
  const parts =
    random.chance(0.25) && dealValue >= 3_000
      ? [
          { value: Math.round(dealValue * 0.3), description: 'Sinal (30%)' },
          { value: dealValue - Math.round(dealValue * 0.3), description: 'Saldo na entrega' },
        ]
      : [{ value: dealValue, description: `${capitalize(won.productName)} - contrato ${ctx.nextContract}` }];
  ctx.nextContract++;
  parts.forEach((part, i) => {
    const soldAt = Math.min(now - MINUTE, closedAt + (i + 1) * 5 * MINUTE + (i > 0 ? random.int(0, 10) * DAY : 0));
    const saleId = randomUUID();
    ctx.data.sales.push(
      tenantRow(
        ctx.organizationId,
        {
          id: saleId,
          ticket_id: ticketId,
          value: part.value,
          description: part.description,
          sold_at: iso(soldAt),
          created_by_user_id: worker.id,
        },
        soldAt,
      ),
    );
    ctx.events.add(ticketId, soldAt, worker, 'sale_added', null, {
      saleId,
      value: part.value,
      description: part.description,
    });
  });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
