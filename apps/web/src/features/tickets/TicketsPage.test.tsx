import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, apiErrorWithCode, createFakeFetch, deferred, json, lastQuery } from '../../test/fakeApi';
import { me, stages, ticketItem, ticketList, users } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type Handler = Parameters<typeof createFakeFetch>[0][string];

function renderTickets(path = '/dashboard/tickets', routes: Record<string, Handler> = {}) {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/whatsapp-instances': () => json(200, { items: [] }),
    'GET /api/v1/tickets': () => json(200, ticketList([ticketItem()])),
    ...routes,
  });
  return { fetch, ...renderApp(path, { fetch, storedToken: 'token' }) };
}

const indicator = (name: string) => screen.getByTestId(`indicator-${name}`);

describe('TicketsPage', () => {
  it('shows the indicators and the table, and asks the API for the filters of the URL', async () => {
    const { fetch } = renderTickets('/dashboard/tickets?stage=s2&period=7d&hasSales=false&page=2');

    expect(await screen.findByRole('link', { name: 'João Silva' })).toHaveAttribute('href', '/dashboard/tickets/t1');
    expect(indicator('total')).toHaveTextContent('Tickets1');
    expect(indicator('dealValueOpen')).toHaveTextContent('R$ 1.500,00');
    const row = screen.getByRole('row', { name: /João Silva/ });
    expect(row).toHaveTextContent('+5511999998888');
    expect(row).toHaveTextContent('google');
    expect(row).toHaveTextContent('Google Ads');
    expect(row).toHaveTextContent('15/01/202510:30');
    expect(lastQuery(fetch, 'GET /api/v1/tickets')).toEqual({
      stageId: 's2',
      dateRange: '7d',
      hasSales: 'false',
      page: '2',
      pageSize: '20',
    });
    expect(screen.getByRole('combobox', { name: 'Etapa' })).toHaveValue('s2');
    expect(screen.getByRole('combobox', { name: 'Período' })).toHaveValue('7d');
  });

  it('keeps the filters in the URL and searches once the typing pauses', async () => {
    const { fetch } = renderTickets('/dashboard/tickets?page=3');
    const user = userEvent.setup();

    await screen.findByRole('link', { name: 'João Silva' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Origem' }), 'facebook');
    expect(screen.getByTestId('location')).toHaveTextContent('/dashboard/tickets?origin=facebook');

    await user.type(screen.getByRole('searchbox', { name: 'Buscar' }), 'maria');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('?q=maria&origin=facebook'));
    await waitFor(() =>
      expect(lastQuery(fetch, 'GET /api/v1/tickets')).toMatchObject({ q: 'maria', origin: 'facebook' }),
    );
    const searches = fetch.mock.calls.filter(([r]) => new URL(r.url).searchParams.has('q'));
    expect(searches).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Limpar filtros' }));
    expect(screen.getByTestId('location').textContent).toBe('/dashboard/tickets');
    expect(screen.getByRole('searchbox', { name: 'Buscar' })).toHaveValue('');
  });

  it('explains under the search box that one or two letters match the start of the name', async () => {
    renderTickets();
    expect(await screen.findByRole('searchbox', { name: 'Buscar' })).toHaveAccessibleDescription(
      'Com 1 ou 2 letras, busca pelo início do nome.',
    );
  });

  it('moves a ticket at once and rolls back with a message when the API refuses', async () => {
    const answer = deferred<Response>();
    const { fetch } = renderTickets('/dashboard/tickets', { 'PATCH /api/v1/tickets/t1': () => answer.promise });
    const user = userEvent.setup();

    const stage = await screen.findByRole('combobox', { name: 'Etapa de João Silva' });
    await user.selectOptions(stage, 's3');

    expect(stage).toHaveValue('s3');
    expect(indicator('dealValueOpen')).toHaveTextContent('R$ 0,00');
    const patch = fetch.mock.calls.find(([r]) => r.method === 'PATCH')![0];
    expect(await patch.clone().json()).toEqual({ stageId: 's3' });

    answer.resolve(apiErrorWithCode(404, 'not_found', 'Ticket t1 not found'));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Não foi possível salvar a alteração de João Silva: O item não foi encontrado. Ele pode ter sido excluído. A alteração foi desfeita.',
    );
    expect(stage).toHaveValue('s1');
    expect(indicator('dealValueOpen')).toHaveTextContent('R$ 1.500,00');
  });

  it('edits the deal value in place and assigns the ticket', async () => {
    let saved = ticketItem();
    const { fetch } = renderTickets('/dashboard/tickets', {
      'GET /api/v1/tickets': () => json(200, ticketList([saved])),
      'PATCH /api/v1/tickets/t1': async (request) => {
        const body = (await request.clone().json()) as { dealValue?: number; assigneeId?: string };
        saved = { ...saved, ...body, assigneeName: body.assigneeId ? 'Ana Souza' : saved.assigneeName };
        return json(200, { id: 't1' });
      },
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: /^Valor do negócio de João Silva: R\$\s1\.500,00$/ }));
    const input = screen.getByRole('textbox', { name: 'Valor do negócio de João Silva' });
    expect(input).toHaveValue('1500,00');
    await user.clear(input);
    await user.type(input, '2.000,5{Enter}');

    expect(screen.getByRole('button', { name: /Valor do negócio de João Silva/ })).toHaveTextContent('R$ 2.000,50');
    expect(screen.getByRole('button', { name: /Valor do negócio de João Silva/ })).toHaveFocus();
    await waitFor(() => expect(indicator('dealValueOpen')).toHaveTextContent('R$ 2.000,50'));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Responsável por João Silva' }), 'Ana Souza');
    const bodies = await Promise.all(
      fetch.mock.calls.filter(([r]) => r.method === 'PATCH').map(([r]) => r.clone().json() as Promise<unknown>),
    );
    expect(bodies).toEqual([{ dealValue: 2000.5 }, { assigneeId: users[1].id }]);
  });

  it('refuses a deal value that is not an amount', async () => {
    const { fetch } = renderTickets();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: /Valor do negócio de João Silva/ }));
    await user.type(screen.getByRole('textbox', { name: 'Valor do negócio de João Silva' }), 'abc{Enter}');

    expect(screen.getByText('Informe um valor como 1.500,00.')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: /Valor do negócio de João Silva/ })).toHaveFocus();
    expect(fetch.mock.calls.some(([r]) => r.method === 'PATCH')).toBe(false);
  });

  it('says what to do when there are no tickets, and when the filters hide them all', async () => {
    renderTickets('/dashboard/tickets', { 'GET /api/v1/tickets': () => json(200, ticketList([])) });
    expect(await screen.findByText('Nenhum ticket ainda.')).toBeInTheDocument();
  });

  it('explains an empty filtered list', async () => {
    renderTickets('/dashboard/tickets?source=organic', { 'GET /api/v1/tickets': () => json(200, ticketList([])) });
    expect(await screen.findByText('Nenhum ticket com esses filtros.')).toBeInTheDocument();
  });

  it('shows the API error with a retry button', async () => {
    renderTickets('/dashboard/tickets', {
      'GET /api/v1/tickets': () => apiErrorWithCode(503, 'statement_timeout', 'The request took too long'),
    });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('A busca demorou demais. Restrinja os filtros ou tente de novo em instantes.');
    expect(within(alert).getByRole('button', { name: 'Tentar novamente' })).toBeInTheDocument();
  });

  it('creates a ticket from the dialog, and points to the WhatsApp settings when there is no line', async () => {
    const { fetch } = renderTickets('/dashboard/tickets', {
      'POST /api/v1/tickets': () =>
        apiError(422, 'Unprocessable Entity', 'The organization has no WhatsApp instance: create one first'),
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Novo ticket' }));
    const dialog = screen.getByRole('dialog', { name: 'Novo ticket' });
    expect(within(dialog).getByLabelText('Nome')).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Criar ticket' }));
    expect(within(dialog).getByLabelText('Telefone (WhatsApp)')).toHaveAccessibleDescription(
      'Informe o telefone ou o e-mail do lead. Com DDD, ex.: (11) 99999-8888.',
    );

    await user.type(within(dialog).getByLabelText('Nome'), 'Carla');
    await user.type(within(dialog).getByLabelText('Telefone (WhatsApp)'), '11 98888-7777');
    await user.type(within(dialog).getByLabelText('Valor do negócio'), '1.200,00');
    await user.click(within(dialog).getByText('Origem e rastreamento (opcional)'));
    await user.type(within(dialog).getByLabelText('UTM source'), 'instagram');
    await user.click(within(dialog).getByRole('button', { name: 'Criar ticket' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The organization has no WhatsApp instance');
    expect(within(dialog).getByRole('link', { name: 'Configurar WhatsApp' })).toHaveAttribute(
      'href',
      '/dashboard/settings/whatsapp',
    );
    const post = fetch.mock.calls.find(([r]) => r.method === 'POST')![0];
    expect(await post.clone().json()).toEqual({
      lead: { name: 'Carla', phone: '11 98888-7777' },
      ticket: { utmSource: 'instagram', stageId: 's1', dealValue: 1200 },
    });

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Novo ticket' })).toHaveFocus();
  });
});
