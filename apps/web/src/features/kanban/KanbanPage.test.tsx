import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeFetch, json } from '../../test/fakeApi';
import { agentMe, me, stageRefs, stages, ticketItem, ticketList, users } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

describe('KanbanPage', () => {
  it('shows one column per stage, in order, with the count and the deal value of each', async () => {
    const fetch = createFakeFetch({
      'GET /api/v1/auth/me': () => json(200, me),
      'GET /api/v1/stages': () => json(200, { items: stages }),
      'GET /api/v1/users': () => json(200, { items: users }),
      'GET /api/v1/tickets': (request) => {
        const stageId = new URL(request.url).searchParams.get('stageId');
        if (stageId === 's1') {
          const items = [ticketItem({ id: 'a', leadName: 'Ana', dealValue: 100 })];
          return json(
            200,
            ticketList(items, {
              total: 41,
              summary: { total: 41, withSales: 0, dealValueOpen: 1000, dealValueTotal: 12345.6 },
            }),
          );
        }
        if (stageId === 's2')
          return json(200, ticketList([ticketItem({ id: 'b', leadName: 'Bruno', stage: stageRefs.negociacao })]));
        return json(200, ticketList([]));
      },
    });
    renderApp('/dashboard/kanban?origin=google&stage=s3&page=2', { fetch, storedToken: 'token' });

    const novo = await screen.findByRole('region', { name: /^Novo/ });
    await within(novo).findByText('Ana');
    expect(novo).toHaveTextContent('41');
    expect(novo).toHaveTextContent('R$ 12.345,60');
    expect(within(novo).getByRole('button', { name: 'Carregar mais' })).toBeInTheDocument();
    expect(
      await within(screen.getByRole('region', { name: /^Em negociação/ })).findByText('Bruno'),
    ).toBeInTheDocument();
    expect(await screen.findByText('Nenhum ticket nesta etapa.')).toBeInTheDocument();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Novo41', 'Em negociação1', 'Vendido0']);

    // Same filters as the table, minus the stage (and the page): one request per column.
    await waitFor(() => {
      const columns = fetch.mock.calls
        .map(([r]) => new URL(r.url).searchParams)
        .filter((params) => params.has('stageId'))
        .map((params) => Object.fromEntries(params));
      expect(columns).toEqual([
        { origin: 'google', stageId: 's1', pageSize: '20', page: '1' },
        { origin: 'google', stageId: 's2', pageSize: '20', page: '1' },
        { origin: 'google', stageId: 's3', pageSize: '20', page: '1' },
      ]);
    });
    expect(screen.queryByRole('combobox', { name: 'Etapa' })).not.toBeInTheDocument();
  });

  it('sends owners to the settings and agents to a manager when there are no stages', async () => {
    const routes = (session: typeof me) =>
      createFakeFetch({
        'GET /api/v1/auth/me': () => json(200, session),
        'GET /api/v1/stages': () => json(200, { items: [] }),
        'GET /api/v1/users': () => json(200, { items: users }),
      });
    const owner = renderApp('/dashboard/kanban', { fetch: routes(me), storedToken: 'token' });
    expect(await screen.findByText('Crie etapas em Configurações para organizar seus tickets.')).toBeInTheDocument();
    owner.unmount();

    renderApp('/dashboard/kanban', { fetch: routes(agentMe), storedToken: 'token' });
    expect(
      await screen.findByText('Peça a um proprietário ou administrador para criar as etapas.'),
    ).toBeInTheDocument();
  });
});
