import type { TicketSale } from '@whatrack/api-client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeFetch, json } from '../../test/fakeApi';
import { agentMe, me, stages, ticketDetail, users } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const sale: TicketSale = {
  id: 'sale1',
  ticketId: 't1',
  value: 1200,
  description: 'Plano anual',
  soldAt: '2025-01-20T12:00:00.000Z',
  createdAt: '2025-01-20T12:00:00.000Z',
};

function renderTicket(session: typeof me) {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, session),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/tickets/t1': () => json(200, ticketDetail({ sales: [sale], salesCount: 1, totalValue: 1200 })),
    'GET /api/v1/conversations/c1/messages': () => json(200, { items: [], total: 0, page: 1, pageSize: 50 }),
    'DELETE /api/v1/sales/sale1': () => new Response(null, { status: 204 }),
  });
  renderApp('/dashboard/tickets/t1', { fetch, storedToken: 'token' });
  return fetch;
}

const salesCard = async () =>
  (await screen.findByRole('heading', { name: 'Vendas', level: 2 })).closest('section') as HTMLElement;

describe('SalesCard by role', () => {
  it('lets agents record a sale but not delete one, and says who can', async () => {
    renderTicket(agentMe);
    const card = await salesCard();

    expect(await within(card).findByText(/Plano anual/)).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Adicionar venda' })).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: /Excluir venda/ })).not.toBeInTheDocument();
    expect(within(card).getByText('Somente proprietários e administradores podem excluir vendas.')).toBeInTheDocument();
  });

  it('lets owners delete a sale after confirming', async () => {
    const fetch = renderTicket(me);
    const user = userEvent.setup();
    const card = await salesCard();

    await user.click(await within(card).findByRole('button', { name: /Excluir venda de R\$\s1\.200,00/ }));
    const dialog = screen.getByRole('dialog', { name: 'Excluir venda?' });
    await user.click(within(dialog).getByRole('button', { name: 'Excluir' }));

    await waitFor(() => expect(fetch.mock.calls.some(([request]) => request.method === 'DELETE')).toBe(true));
    expect(within(card).queryByText(/Somente proprietários/)).not.toBeInTheDocument();
  });
});
