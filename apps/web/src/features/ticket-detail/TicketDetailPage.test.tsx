import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, createFakeFetch, json, lastQuery } from '../../test/fakeApi';
import { me, stages, ticketDetail, users } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const events = [
  {
    id: 'e1',
    type: 'created' as const,
    actorType: 'user' as const,
    actorId: 'u1',
    actorName: 'Maria',
    before: null,
    after: { stageName: 'Novo' },
    createdAt: '2025-01-15T13:30:00.000Z',
  },
  {
    id: 'e2',
    type: 'stage_changed' as const,
    actorType: 'user' as const,
    actorId: 'u1',
    actorName: 'Maria',
    before: { stageName: 'Novo' },
    after: { stageName: 'Em Andamento' },
    createdAt: '2025-01-15T14:00:00.000Z',
  },
];

// The API answers newest first (order=desc): the chat shows them oldest first.
const question = {
  id: 'm1',
  ticketId: 't1',
  direction: 'in',
  type: 'text',
  body: 'Oi, tem o tênis 42?',
  status: null,
  sentAt: '2025-01-15T13:31:00.000Z',
};
const imageReply = {
  id: 'm2',
  ticketId: 't1',
  direction: 'out',
  type: 'image',
  body: null,
  status: 'read',
  sentAt: '2025-01-15T13:32:00.000Z',
};

function renderDetail(routes: Parameters<typeof createFakeFetch>[0] = {}) {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/tickets/t1': () => json(200, ticketDetail({ events })),
    'GET /api/v1/conversations/c1/messages': () =>
      json(200, { items: [imageReply, question], total: 2, page: 1, pageSize: 50 }),
    ...routes,
  });
  return { fetch, ...renderApp('/dashboard/tickets/t1', { fetch, storedToken: 'token' }) };
}

describe('TicketDetailPage', () => {
  it('shows the lead, the tracking, the conversation and the timeline', async () => {
    renderDetail();

    expect(await screen.findByRole('heading', { name: 'João Silva', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /\+5511999998888/ })).toHaveAttribute(
      'href',
      'https://wa.me/5511999998888',
    );
    expect(screen.getByRole('link', { name: 'joao@email.com' })).toHaveAttribute('href', 'mailto:joao@email.com');
    const tracking = screen.getByRole('region', { name: 'Rastreamento' });
    expect(tracking).toHaveTextContent('Google Ads');
    expect(tracking).toHaveTextContent('lead_gen');
    expect(tracking).toHaveTextContent('EAIaIQobChMI');
    const chat = await screen.findByRole('region', { name: /Conversa/ });
    expect(await within(chat).findByText('Oi, tem o tênis 42?')).toBeInTheDocument();
    expect(within(chat).getByText('[image]')).toBeInTheDocument();
    expect(within(chat).getByRole('img', { name: 'Lida' })).toBeInTheDocument();
    expect(
      within(chat)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('p')?.textContent),
    ).toEqual(['Oi, tem o tênis 42?', '[image]']);
    const timeline = screen.getByRole('region', { name: 'Atividade' });
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('p')?.textContent),
    ).toEqual(['Maria moveu de Novo para Em Andamento', 'Maria criou o ticket em Novo']);
  });

  it('opens the chat on the latest messages and loads earlier ones above them', async () => {
    const { fetch } = renderDetail({
      'GET /api/v1/conversations/c1/messages': (request) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        // A message arrived after page 1 was read: page 2 (by offset) repeats the image.
        const items = page === 1 ? [imageReply] : [imageReply, question];
        return json(200, { items, total: 3, page, pageSize: page === 1 ? 1 : 2 });
      },
    });
    const chat = await screen.findByRole('region', { name: /Conversa/ });
    expect(await within(chat).findByText('[image]')).toBeInTheDocument();
    expect(lastQuery(fetch, 'GET /api/v1/conversations/c1/messages')).toMatchObject({ order: 'desc', page: '1' });
    expect(within(chat).queryByText('Oi, tem o tênis 42?')).not.toBeInTheDocument();

    await userEvent.click(within(chat).getByRole('button', { name: 'Carregar mensagens anteriores' }));
    await within(chat).findByText('Oi, tem o tênis 42?');
    expect(
      within(chat)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('p')?.textContent),
    ).toEqual(['Oi, tem o tênis 42?', '[image]']);
    expect(within(chat).queryByRole('button', { name: 'Carregar mensagens anteriores' })).not.toBeInTheDocument();
  });

  it('adds a sale and reloads the ticket', async () => {
    let sales: unknown[] = [];
    const { fetch } = renderDetail({
      'GET /api/v1/tickets/t1': () =>
        json(200, ticketDetail({ sales: sales as never, totalValue: sales.length ? 1200 : 0 })),
      'POST /api/v1/tickets/t1/sales': () => {
        sales = [
          {
            id: 's1',
            ticketId: 't1',
            value: 1200,
            description: 'Plano anual',
            soldAt: '2025-01-20T12:00:00.000Z',
            createdAt: '2025-01-20T12:00:00.000Z',
          },
        ];
        return json(201, sales[0]);
      },
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Adicionar venda' }));
    await user.click(screen.getByRole('button', { name: 'Salvar venda' }));
    expect(screen.getByLabelText('Valor')).toHaveAccessibleDescription(
      'Informe um valor maior que zero, como 1.200,00.',
    );

    await user.type(screen.getByLabelText('Valor'), '1.200,00');
    await user.type(screen.getByLabelText('Descrição (opcional)'), 'Plano anual');
    await user.type(screen.getByLabelText('Data da venda'), '2025-01-20');
    await user.click(screen.getByRole('button', { name: 'Salvar venda' }));

    const sale = await screen.findByText('Plano anual', { exact: false });
    expect(sale).toHaveTextContent('20/01/2025 · Plano anual');
    const post = fetch.mock.calls.find(([r]) => r.method === 'POST')![0];
    expect(await post.clone().json()).toEqual({
      value: 1200,
      description: 'Plano anual',
      soldAt: '2025-01-20T12:00:00Z',
    });
    await waitFor(() => expect(screen.getByText(/Total vendido/)).toHaveTextContent('R$ 1.200,00'));
  });

  it('says when the ticket does not exist', async () => {
    renderDetail({ 'GET /api/v1/tickets/t1': () => apiError(404, 'Not Found', 'Ticket t1 not found') });
    expect(await screen.findByRole('heading', { name: 'Ticket não encontrado', level: 1 })).toBeInTheDocument();
  });
});
