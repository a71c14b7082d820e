import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, createFakeFetch, json, lastQuery } from '../../test/fakeApi';
import { me, stages, ticketItem, ticketList, users, viewCounts } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type Handler = Parameters<typeof createFakeFetch>[0][string];

function renderTickets(path = '/dashboard/tickets', routes: Record<string, Handler> = {}) {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/whatsapp-instances': () => json(200, { items: [] }),
    'GET /api/v1/tickets': () => json(200, ticketList([ticketItem()])),
    'GET /api/v1/tickets/views': () => json(200, viewCounts),
    ...routes,
  });
  return { fetch, ...renderApp(path, { fetch, storedToken: 'token' }) };
}

const views = () => screen.getByRole('group', { name: 'Filas de atendimento' });
const view = (name: RegExp) => within(views()).getByRole('button', { name });

describe('queue views on the tickets page', () => {
  it('shows each view with its count of open tickets, "Todos" pressed by default', async () => {
    renderTickets();

    expect(await screen.findByRole('button', { name: 'Minhas 3 tickets abertos' })).toBeInTheDocument();
    expect(view(/^Sem responsável/)).toHaveAccessibleName('Sem responsável 5 tickets abertos');
    expect(view(/^Aguardando resposta/)).toHaveAccessibleName('Aguardando resposta 2 tickets abertos');
    expect(view(/^Todos/)).toHaveAttribute('aria-pressed', 'true');
    expect(view(/^Minhas/)).toHaveAttribute('aria-pressed', 'false');
  });

  it('sets the filters of the chosen view in the URL and asks the API for them', async () => {
    const { fetch } = renderTickets('/dashboard/tickets?origin=google');
    const user = userEvent.setup();
    await screen.findByRole('button', { name: /^Minhas 3/ });

    await user.click(view(/^Minhas/));
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/dashboard/tickets?origin=google&assignee=me&status=open&sort=-lastMessageAt',
    );
    await waitFor(() =>
      expect(lastQuery(fetch, 'GET /api/v1/tickets')).toEqual({
        origin: 'google',
        assigneeId: 'me',
        status: 'open',
        sort: '-lastMessageAt',
        pageSize: '20',
      }),
    );
    expect(view(/^Minhas/)).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('combobox', { name: 'Responsável' })).toHaveValue('me');

    await user.click(view(/^Sem responsável/));
    expect(screen.getByTestId('location')).toHaveTextContent('?origin=google&assignee=none&status=open');
    await waitFor(() => expect(lastQuery(fetch, 'GET /api/v1/tickets')).toMatchObject({ assigneeId: 'none' }));

    await user.click(view(/^Aguardando resposta/));
    expect(screen.getByTestId('location')).toHaveTextContent(
      '?origin=google&status=open&waiting=true&sort=waitingSince',
    );
    await waitFor(() =>
      expect(lastQuery(fetch, 'GET /api/v1/tickets')).toEqual({
        origin: 'google',
        status: 'open',
        waiting: 'true',
        sort: 'waitingSince',
        pageSize: '20',
      }),
    );
    expect(screen.getByRole('combobox', { name: 'Ordenar por' })).toHaveValue('waitingSince');

    await user.click(view(/^Todos/));
    expect(screen.getByTestId('location')).toHaveTextContent(/\/dashboard\/tickets\?origin=google&sort=waitingSince$/);
  });

  it('opens a view from the URL and sorts by the latest activity', async () => {
    const { fetch } = renderTickets('/dashboard/tickets?status=open&waiting=true');
    const user = userEvent.setup();

    expect(await screen.findByRole('button', { name: /^Aguardando resposta/ })).toHaveAttribute('aria-pressed', 'true');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Ordenar por' }), 'Última atividade');
    expect(screen.getByTestId('location')).toHaveTextContent('?status=open&waiting=true&sort=-lastMessageAt');
    await waitFor(() => expect(lastQuery(fetch, 'GET /api/v1/tickets')).toMatchObject({ sort: '-lastMessageAt' }));
    expect(view(/^Aguardando resposta/)).toHaveAttribute('aria-pressed', 'true');
  });

  it('says when a view is empty, and when its counts could not be loaded (with a retry)', async () => {
    let countsFail = true;
    const { fetch } = renderTickets('/dashboard/tickets?assignee=me&status=open', {
      'GET /api/v1/tickets': () => json(200, ticketList([])),
      'GET /api/v1/tickets/views': () =>
        countsFail ? apiError(500, 'Internal Server Error', 'boom') : json(200, viewCounts),
    });
    const user = userEvent.setup();

    expect(await screen.findByText('Nenhum ticket aberto com você.')).toBeInTheDocument();
    expect(await screen.findByText('Não foi possível carregar as contagens das filas.')).toBeInTheDocument();
    expect(view(/^Minhas/)).toHaveAccessibleName('Minhas');

    countsFail = false;
    await user.click(screen.getByRole('button', { name: 'Tentar novamente' }));
    expect(await screen.findByRole('button', { name: 'Minhas 3 tickets abertos' })).toBeInTheDocument();
    expect(
      fetch.mock.calls.filter(([r]) => new URL(r.url).pathname === '/api/v1/tickets/views').length,
    ).toBeGreaterThan(1);
  });
});
