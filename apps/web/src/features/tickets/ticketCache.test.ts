import type { InfiniteData } from '@tanstack/react-query';
import type { TicketList } from '@whatrack/api-client';
import { describe, expect, it } from 'vitest';
import { stageRefs, stages, ticketItem, ticketList } from '../../test/fixtures';
import { adjustSummary, applyToColumn, applyToList } from './ticketCache';

const vendido = stages.find((s) => s.id === 's3')!;
const negociacao = stages.find((s) => s.id === 's2')!;

const board = (list: TicketList): InfiniteData<TicketList> => ({ pages: [list], pageParams: [1] });

describe('optimistic ticket changes', () => {
  it('keeps the summary in step with a ticket leaving or joining', () => {
    const summary = { total: 2, withSales: 1, dealValueOpen: 1000, dealValueTotal: 3000 };
    const ticket = ticketItem({ dealValue: 1000, salesCount: 1 });
    expect(adjustSummary(summary, ticket, null)).toEqual({
      total: 1,
      withSales: 0,
      dealValueOpen: 0,
      dealValueTotal: 2000,
    });
    expect(adjustSummary(summary, null, { ...ticket, status: 'closed' })).toEqual({
      total: 3,
      withSales: 2,
      dealValueOpen: 1000,
      dealValueTotal: 4000,
    });
  });

  it('updates a table page in place (stage, status, value in negotiation)', () => {
    const list = ticketList([ticketItem({ id: 'a', dealValue: 1000 }), ticketItem({ id: 'b', dealValue: 500 })]);
    const moved = applyToList(list, 'a', { stage: vendido });
    expect(moved.items[0]).toMatchObject({ stage: stageRefs.vendido, status: 'closed' });
    expect(moved.summary).toMatchObject({ total: 2, dealValueOpen: 500, dealValueTotal: 1500 });
    expect(applyToList(list, 'b', { dealValue: 800 }).summary.dealValueTotal).toBe(1800);
    expect(applyToList(list, 'zzz', { dealValue: 1 })).toBe(list);
  });

  it('moves a card between Kanban columns with their counts and sums', () => {
    const ticket = ticketItem({ id: 'a', dealValue: 1000 });
    const older = ticketItem({
      id: 'old',
      dealValue: 200,
      createdAt: '2024-12-01T00:00:00.000Z',
      stage: stageRefs.negociacao,
    });
    const newer = ticketItem({
      id: 'new',
      dealValue: 300,
      createdAt: '2025-02-01T00:00:00.000Z',
      stage: stageRefs.negociacao,
    });
    const source = board(ticketList([ticket]));
    const target = board(ticketList([newer, older]));

    const left = applyToColumn(source, 's1', ticket, { stage: negociacao });
    expect(left.pages[0].items).toEqual([]);
    expect(left.pages[0].summary).toMatchObject({ total: 0, dealValueTotal: 0 });

    const joined = applyToColumn(target, 's2', ticket, { stage: negociacao });
    expect(joined.pages[0].items.map((i) => i.id)).toEqual(['new', 'a', 'old']);
    expect(joined.pages[0].summary).toMatchObject({ total: 3, dealValueTotal: 1500 });
    expect(joined.pages[0].total).toBe(3);

    const other = board(ticketList([]));
    expect(applyToColumn(other, 's3', ticket, { stage: negociacao })).toBe(other);
  });
});
